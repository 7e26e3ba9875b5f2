import type { AppError } from "../bindings";
import type { Backend } from "../backend";
import type { AppState, StateKey, Store } from "../state";

/** What every view is given: the backend, the shared store, the tooltip and a way to report errors. */
export interface ViewContext {
  backend: Backend;
  store: Store;
  tooltip: HTMLElement;
  report(error: AppError): void;
}

export interface View {
  update(state: Readonly<AppState>, changed: ReadonlySet<StateKey>): void;
}
