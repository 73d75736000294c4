/**
 * A conservative bound on what one queued Office.js operation weighs on the wire, shared by the
 * write planner (which must stay under Excel's limits) and the fake (which enforces them).
 *
 * What Office.js sends (office.js, ClientRequestBase.buildRequestMessageBodyAndRequestFlags):
 * `{ AutoKeepReference, Actions: [...], ObjectPaths: {...} }`, where every action is
 * `{ Id, ActionType, Name, ObjectPathId, ArgumentInfo: { Arguments: [...] } }` and every proxy
 * made by a method call (`getItem("Drift")`, `getRange("A1:H9")`) adds an object path
 * `{ Id, ObjectPathType, Name, ParentObjectPathId, ArgumentInfo: { Arguments: [...] } }` and an
 * instantiate action. That body is JSON-encoded (`JSON.stringify(requestMessage.Body)` in
 * RichApiMessageUtility) and, in Excel on the web, travels as a string inside a further message,
 * so every `"` and `\` of it may be escaped once more. The bound counts exactly that: the UTF-8
 * bytes of the body's JSON text with its quotes, backslashes and control characters escaped a
 * second time, with ids of seven digits. A response (`{ Results: [{ ActionId, Value }] }`) is
 * bounded the same way.
 */

/** Ids as long as any a request of a few million operations can use. */
const ID = 9_999_999;

/** UTF-8 bytes of a JSON text once more encoded as a JSON string (without its outer quotes). */
export function escapedLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The bound for a JSON value as it travels: its JSON text, escaped once more. */
export function wireBytes(value: unknown): number {
  return escapedLength(JSON.stringify(value) ?? "null");
}

/** An action (property set, method call or load) on an object, with its arguments. */
export function actionBytes(name: string, args: readonly unknown[]): number {
  return wireBytes({ Id: ID, ActionType: 3, Name: name, ObjectPathId: ID, ArgumentInfo: { Arguments: args } }) + 1;
}

/** The object path and instantiate action a method that returns a proxy adds (arguments counted in its action). */
export const OBJECT_PATH_BYTES =
  wireBytes({ Id: ID, ObjectPathType: 3, Name: "", ParentObjectPathId: ID, ArgumentInfo: {} }) +
  wireBytes({ Id: ID, ActionType: 1, Name: "", ObjectPathId: ID }) +
  2 * `${ID}`.length +
  2;

/** One operation: its action, plus an object path (every operation is counted as making one). */
export function operationBytes(name: string, args: readonly unknown[]): number {
  return actionBytes(name, args) + OBJECT_PATH_BYTES + name.length;
}

/** A load's result in the response: `{ ActionId, Value: { property: value, ... } }`. */
export function resultBytes(property: string, value: unknown): number {
  return wireBytes({ ActionId: ID, Value: { [property]: value } }) + 1;
}

/** The request body's fixed part. */
export const REQUEST_ENVELOPE_BYTES = wireBytes({ AutoKeepReference: false, Actions: [], ObjectPaths: {} });
