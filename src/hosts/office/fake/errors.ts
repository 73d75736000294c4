/**
 * Errors shaped like Office's `OfficeExtension.Error`: a `code` from `Excel.ErrorCodes` (or
 * OfficeExtension's own, such as PropertyNotLoaded) and `debugInfo`, so code that inspects
 * `error.code` behaves the same against the fake as against Excel.
 */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ApiNotFound"
  | "AccessDenied"
  | "InvalidOperationInCellEditMode"
  | "GeneralException";

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, objectName: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}

export function dimensionMismatch(location: string): FakeOfficeError {
  return new FakeOfficeError(
    "InvalidArgument",
    "The argument is invalid or missing or has an incorrect format. " +
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    location,
  );
}
