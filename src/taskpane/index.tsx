import { mountTaskPane } from "./app";
import { officeEnvironment } from "./services/office";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (container) mountTaskPane(container, officeEnvironment(info.host));
});
