import type DOMPurify from 'dompurify';
import type * as Linkedom from 'linkedom';
import { lazyPackage } from '../../lazy-package';

const linkedom = lazyPackage<typeof Linkedom>('linkedom');
const createDOMPurify = lazyPackage<typeof DOMPurify>('dompurify');
const parseHTML = (html: string) => linkedom().parseHTML(html);

/**
 * The small part of the DOM this module uses. The Node build has no DOM typings, and linkedom's
 * are loose, so the walker is written against these.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  id: string;
  className: string;
  innerHTML: string;
  children: ArrayLike<DomElement>;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  appendChild(node: DomNode): DomNode;
  replaceWith(node: DomNode): void;
  remove(): void;
}

export interface DomDocument {
  title: string;
  body: DomElement | null;
  documentElement: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createTextNode(text: string): DomNode;
  createElement(tag: string): DomElement;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

const BLANK = '<!doctype html><html><head></head><body></body></html>';

/** linkedom needs a whole document; a fragment is wrapped into one. */
export function parseDocument(html: string): DomDocument {
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document;
}

export function elements(list: ArrayLike<DomElement>): DomElement[] {
  return Array.from(list);
}

export function tagOf(node: DomNode): string {
  return node.nodeName.toLowerCase();
}

type Purifier = ReturnType<typeof DOMPurify>;
let purifier: Purifier | null = null;

/**
 * DOMPurify over linkedom. linkedom lacks a few things DOMPurify probes for (getters on the Node
 * prototype, NodeFilter, document.implementation, a DOMParser that accepts fragments), so it gets a
 * window-shaped adapter that supplies them; without it DOMPurify would silently return its input.
 */
function makePurifier(): Purifier {
  const { window, document } = parseHTML(BLANK) as unknown as { window: Record<string, unknown>; document: object };
  const delegate = (Real: unknown, props: string[], methods: string[]) => {
    const proto: Record<string, unknown> = {};
    for (const p of props) Object.defineProperty(proto, p, { get(this: Record<string, unknown>) { return this[p]; } });
    for (const m of methods) proto[m] = function (this: Record<string, (...a: unknown[]) => unknown>, ...a: unknown[]) { return this[m]!(...a); };
    const Fake = function () {} as unknown as { prototype: unknown };
    Fake.prototype = proto;
    Object.defineProperty(Fake, Symbol.hasInstance, { value: (x: unknown) => x instanceof (Real as new () => unknown) });
    return Fake;
  };
  Object.defineProperty(document, 'implementation', { value: { createHTMLDocument: () => parseHTML(BLANK).document } });
  const adapter = {
    document,
    Node: delegate(window.Node, ['nodeType', 'nodeName', 'ownerDocument'], []),
    Element: delegate(window.Element, ['nextSibling', 'childNodes', 'parentNode', 'shadowRoot', 'attributes', 'namespaceURI'], ['cloneNode', 'remove', 'removeAttributeNode']),
    NodeFilter: { SHOW_ELEMENT: 1, SHOW_TEXT: 4, SHOW_CDATA_SECTION: 8, SHOW_PROCESSING_INSTRUCTION: 64, SHOW_COMMENT: 128, FILTER_ACCEPT: 1 },
    HTMLTemplateElement: window.HTMLTemplateElement,
    DocumentFragment: window.DocumentFragment,
    NamedNodeMap: window.NamedNodeMap,
    HTMLFormElement: window.HTMLFormElement,
    DOMParser: class {
      parseFromString(markup: string) {
        return parseHTML(`<!doctype html><html><head></head><body>${markup}</body></html>`).document;
      }
    },
  };
  const instance = createDOMPurify()(adapter as unknown as Parameters<typeof DOMPurify>[0]);
  if (!instance.isSupported) throw new Error('DOMPurify cannot run over linkedom');
  return instance;
}

/** Sanitise HTML before its DOM is walked: no scripts, handlers, styles, forms or embedded objects. */
export function sanitise(html: string): string {
  purifier ??= makePurifier();
  return purifier.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math', 'iframe', 'object', 'embed', 'img', 'picture', 'video', 'audio', 'canvas'],
    FORBID_ATTR: ['style'],
  });
}
