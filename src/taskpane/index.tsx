import { isDarkColor, mountNotInExcel, mountTaskPane } from "./app";
import { officeEnvironment } from "./services/office";

/**
 * The production entry. office.js comes from Office's CDN; when it did not load (the page opened
 * outside Excel, offline, or blocked) `Office` does not exist and the pane says so in Swedish
 * instead of staying blank.
 */
function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    mountNotInExcel(container, navigator.language);
    return;
  }
  void Office.onReady((info) => {
    const dark = isDarkColor(Office.context?.officeTheme?.bodyBackgroundColor);
    mountTaskPane(container, officeEnvironment(info.host), { dark });
  });
}

start();
