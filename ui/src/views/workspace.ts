// The workspace menu on the top bar's workspace path: the recent workspaces
// (the open one marked, missing files disabled), "Open…" and "New…" through
// the native dialogs. After a switch the caller reloads everything.
import type { AppError, RecentWorkspace, WorkspaceInfo } from "../bindings";
import { type Backend, toAppError } from "../backend";
import { el } from "../dom";

interface Elements {
  button: HTMLButtonElement;
  menu: HTMLElement;
}

export interface WorkspaceMenuActions {
  /** Another workspace is open now. */
  switched(info: WorkspaceInfo): void;
  /** Opening failed (a missing file, a file that is not a workspace…). */
  error(error: AppError): void;
  /** A dialog or a switch is under way. */
  busy(message: string): void;
  /** The user cancelled the dialog. */
  cancelled(): void;
}

/** The last path components, for a menu item that must fit: "…/cases/ukraine.db". */
export function shortPath(path: string, keep = 2): string {
  const parts = path.split("/").filter((p) => p !== "");
  if (parts.length <= keep) return path;
  return `…/${parts.slice(-keep).join("/")}`;
}

export class WorkspaceMenu {
  private working = false;

  constructor(private readonly backend: Backend, private readonly ui: Elements, private readonly actions: WorkspaceMenuActions) {
    ui.menu.hidden = true;
    ui.button.setAttribute("aria-expanded", "false");
    ui.button.addEventListener("click", () => (ui.menu.hidden ? void this.open() : this.close(true)));
    const container = ui.menu.parentElement ?? ui.menu;
    container.addEventListener("keydown", (e) => {
      if (ui.menu.hidden) return;
      if (e.key === "Escape") {
        e.stopPropagation();
        this.close(true);
        return;
      }
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      e.preventDefault();
      const items = [...ui.menu.querySelectorAll<HTMLButtonElement>("button:not([disabled])")];
      const at = items.findIndex((b) => b === document.activeElement);
      const next = items[(at + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length];
      next?.focus();
    });
    document.addEventListener("pointerdown", (e) => {
      if (!ui.menu.hidden && e.target instanceof Node && !container.contains(e.target)) this.close(false);
    });
  }

  async open(): Promise<void> {
    this.ui.menu.hidden = false;
    this.ui.button.setAttribute("aria-expanded", "true");
    this.ui.menu.dataset.state = "loading";
    this.ui.menu.replaceChildren(el("p", { class: "muted menu-note" }, "Loading recent workspaces…"));
    let recent: RecentWorkspace[] = [];
    let failed = "";
    try {
      recent = await this.backend.workspaceRecent();
    } catch (reason) {
      failed = toAppError(reason).message;
    }
    if (this.ui.menu.hidden) return;
    this.render(recent, failed);
    this.ui.menu.querySelector<HTMLButtonElement>("button:not([disabled])")?.focus();
  }

  close(refocus: boolean): void {
    this.ui.menu.hidden = true;
    this.ui.button.setAttribute("aria-expanded", "false");
    if (refocus) this.ui.button.focus();
  }

  private render(recent: RecentWorkspace[], failed: string): void {
    const items = recent.map((w) => {
      const state = w.current ? "current" : w.exists ? "" : "missing";
      const b = el(
        "button",
        {
          class: `menu-item${w.current ? " current" : ""}`,
          title: w.exists ? w.path : `${w.path} — the file is no longer there`,
          attrs: {
            type: "button",
            role: "menuitem",
            "data-workspace-path": w.path,
            "data-current": String(w.current),
            "data-exists": String(w.exists),
            ...(w.current ? { "aria-current": "true" } : {}),
          },
        },
        el("span", { class: "check", attrs: { "aria-hidden": "true" } }, w.current ? "✓" : ""),
        el("span", { class: "menu-path" }, shortPath(w.path, 3)),
        state === "" ? null : el("span", { class: `menu-tag ${state}` }, state),
      );
      b.disabled = !w.exists;
      b.addEventListener("click", () => {
        if (w.current) this.close(true);
        else void this.switchTo(w.path, false);
      });
      return b;
    });
    const open = el("button", { class: "menu-item", attrs: { type: "button", role: "menuitem", id: "workspace-open" } }, el("span", { class: "check" }), "Open…");
    open.addEventListener("click", () => void this.switchTo(null, false));
    const create = el("button", { class: "menu-item", attrs: { type: "button", role: "menuitem", id: "workspace-new" } }, el("span", { class: "check" }), "New…");
    create.addEventListener("click", () => void this.switchTo(null, true));
    this.ui.menu.dataset.state = "ready";
    this.ui.menu.replaceChildren(
      el("p", { class: "menu-heading" }, "Recent workspaces"),
      ...(items.length > 0 ? items : [el("p", { class: "muted menu-note" }, failed === "" ? "None yet." : `Could not read the list: ${failed}`)]),
      el("hr", {}),
      open,
      create,
    );
  }

  /** Opens `path` (null: through the dialog; `create`: a new workspace). */
  private async switchTo(path: string | null, create: boolean): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.close(false);
    this.actions.busy(path === null ? (create ? "Choose where to create the workspace…" : "Choose a workspace to open…") : `Opening ${path}…`);
    try {
      const info = await this.backend.workspaceOpen(path, create);
      if (info === null) this.actions.cancelled();
      else this.actions.switched(info);
    } catch (reason) {
      this.actions.error(toAppError(reason));
    } finally {
      this.working = false;
    }
  }
}
