// DOM building without HTML parsing. Article text and every other backend
// value is untrusted: it only ever reaches the page as text nodes and
// attribute values set here, never through innerHTML or its relatives.

import { splitAtTrigger } from "./format";

export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  /** Plain attributes (data-*, aria-*, colspan…); never event handlers or URLs. */
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class !== undefined) node.className = props.class;
  if (props.title !== undefined) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** Looks up an element that index.html must contain; a missing one is a programming error. */
export function required<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`index.html is missing #${id} (${type.name})`);
  return node;
}

/**
 * An event's evidence with the word it was found by marked ("Boeing has <mark>delayed</mark>
 * ..."), as text nodes: both are article text, never markup.
 */
export function evidenceWithTrigger(evidence: string, trigger: string | null): Child[] {
  const parts = splitAtTrigger(evidence, trigger);
  if (parts === null) return [evidence];
  return [parts[0], el("mark", { class: "trigger" }, parts[1]), parts[2]];
}
