declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** brackets-viewer's browser build: it defines window.bracketsViewer (typed by the package). */
declare module 'brackets-viewer/dist/brackets-viewer.min.js';
