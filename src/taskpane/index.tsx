import { mountTaskPane } from "./app";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) mountTaskPane(container);
});
