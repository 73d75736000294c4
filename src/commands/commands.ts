/**
 * The ribbon's function file (FunctionFile in manifest.xml). The only button, Start > Följsam >
 * Uppföljning, opens the task pane (ShowTaskpane), so no functions are registered here; Office
 * still loads this page and waits for Office.onReady.
 */
Office.onReady(() => undefined);
export {};
