import { mountTaskPane } from "./app";
import { officeEnvironment } from "./services/office";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) mountTaskPane(container, officeEnvironment());
});
