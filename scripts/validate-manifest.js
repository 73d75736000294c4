#!/usr/bin/env node
"use strict";
/**
 * Offline structural check of the add-in manifest (`npm run validate`).
 *
 * Microsoft's validator (`office-addin-manifest validate`) calls an online service that cannot be
 * reached here, so this script checks what breaks sideloading most often: well-formed XML, the
 * OfficeApp children present and in the order of the XSD (OfficeApp 1.1 base type extended by
 * TaskPaneApp), a GUID id, https everywhere, icons that exist with the size they claim, and every
 * `resid` resolving to a resource of the right kind. It is not a full XSD validation.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml] ; exit code 1 when an error is found.
 */
const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_VERSION_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";
const DEV_URL = "https://localhost:3000/";

/**
 * Children of <OfficeApp xsi:type="TaskPaneApp"> in schema order: the OfficeApp base sequence
 * (Id … Hosts) followed by the TaskPaneApp extension (Requirements … VersionOverrides).
 */
const CHILD_ORDER = [
  { name: "Id", required: true },
  { name: "AlternateId", required: false },
  { name: "Version", required: true },
  { name: "ProviderName", required: true },
  { name: "DefaultLocale", required: true },
  { name: "DisplayName", required: true },
  { name: "Description", required: true },
  // Formally optional in the XSD, but Office requires both icons to list the add-in.
  { name: "IconUrl", required: true },
  { name: "HighResolutionIconUrl", required: true },
  { name: "SupportUrl", required: false },
  { name: "AppDomains", required: false },
  { name: "Hosts", required: true },
  { name: "Requirements", required: false },
  { name: "DefaultSettings", required: true },
  { name: "Permissions", required: true },
  { name: "Dictionary", required: false },
  { name: "VersionOverrides", required: false },
];

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const CULTURE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/;
const URL_LIKE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

/** Which resource collection a `resid` on an element of this local name must point into. */
const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};
const MAX_LENGTH = { ShortStrings: 125, LongStrings: 250 };
/** Sizes Office expects for the base icons (pixels). */
const BASE_ICON_SIZE = { IconUrl: 32, HighResolutionIconUrl: 64 };

function elementChildren(node) {
  const result = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) result.push(child);
  }
  return result;
}

function descendants(node, localName) {
  const result = [];
  const walk = (n) => {
    for (const child of elementChildren(n)) {
      if (!localName || child.localName === localName) result.push(child);
      walk(child);
    }
  };
  walk(node);
  return result;
}

function text(node) {
  return (node && node.textContent ? node.textContent : "").trim();
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
function pngSize(buffer) {
  const signature = "89504e470d0a1a0a";
  if (buffer.length < 24 || buffer.subarray(0, 8).toString("hex") !== signature) return null;
  if (buffer.subarray(12, 16).toString("ascii") !== "IHDR") return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * Checks manifest XML text. Returns Swedish error lines (empty when the manifest passes) and
 * the number of checks made.
 * @param {string} xml
 * @param {{ assetsDir?: string, baseUrls?: string[] }} [options]
 */
function validateManifest(xml, options = {}) {
  const assetsDir = options.assetsDir || path.join(__dirname, "..", "assets");
  const baseUrls = (options.baseUrls || [DEV_URL]).map((u) => (u.endsWith("/") ? u : u + "/"));
  const errors = [];
  let checks = 0;
  const check = (ok, message) => {
    checks++;
    if (!ok) errors.push(message);
    return ok;
  };

  let doc;
  const parseErrors = [];
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") parseErrors.push(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    if (!parseErrors.length) parseErrors.push(e && e.message ? e.message : String(e));
  }
  if (!check(parseErrors.length === 0 && doc && doc.documentElement, `XML-filen är inte välformad: ${parseErrors[0] || "tomt dokument"}`)) {
    return { errors, checks };
  }

  const root = doc.documentElement;
  if (!check(root.localName === "OfficeApp" && root.namespaceURI === NS_OFFICEAPP,
    `Rotelementet ska vara <OfficeApp> i namnrymden ${NS_OFFICEAPP}, inte <${root.nodeName}>.`)) {
    return { errors, checks };
  }
  check(root.getAttributeNS(NS_XSI, "type") === "TaskPaneApp",
    `<OfficeApp> ska ha xsi:type="TaskPaneApp" (har "${root.getAttributeNS(NS_XSI, "type")}").`);

  // Children: known, not repeated, required ones present, in schema order.
  const children = elementChildren(root);
  const position = new Map(CHILD_ORDER.map((c, i) => [c.name, i]));
  const seen = new Map();
  let last = -1;
  let lastName = "";
  for (const child of children) {
    const name = child.localName;
    const index = position.get(name);
    if (!check(index !== undefined, `Okänt element <${name}> direkt under <OfficeApp>.`)) continue;
    check(!seen.has(name), `Elementet <${name}> förekommer mer än en gång under <OfficeApp>.`);
    seen.set(name, child);
    check(index > last, `Elementet <${name}> står i fel ordning: det ska komma före <${lastName}> enligt schemat.`);
    if (index > last) {
      last = index;
      lastName = name;
    }
  }
  for (const { name, required } of CHILD_ORDER) {
    if (required) check(seen.has(name), `Obligatoriskt element <${name}> saknas under <OfficeApp>.`);
  }

  const id = text(seen.get("Id"));
  if (seen.has("Id")) check(GUID.test(id), `<Id> ska vara en GUID (t.ex. 01234567-89ab-cdef-0123-456789abcdef), inte "${id}".`);
  if (seen.has("Version")) {
    check(VERSION.test(text(seen.get("Version"))), `<Version> ska ha formen n.n.n.n, inte "${text(seen.get("Version"))}".`);
  }
  if (seen.has("DefaultLocale")) {
    check(CULTURE.test(text(seen.get("DefaultLocale"))), `<DefaultLocale> ska vara ett språkkodnamn som sv-SE, inte "${text(seen.get("DefaultLocale"))}".`);
  }
  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const element = seen.get(name);
    if (element) check(element.getAttribute("DefaultValue") !== "", `<${name}> saknar attributet DefaultValue.`);
  }
  for (const override of descendants(root, "Override")) {
    check(CULTURE.test(override.getAttribute("Locale") || ""), `<${override.nodeName}> har ogiltigt Locale "${override.getAttribute("Locale")}".`);
  }
  if (seen.has("Permissions")) {
    const permission = text(seen.get("Permissions"));
    check(PERMISSIONS.includes(permission), `<Permissions> ska vara en av ${PERMISSIONS.join(", ")}, inte "${permission}".`);
  }
  if (seen.has("Hosts")) {
    const hosts = elementChildren(seen.get("Hosts")).map((h) => h.getAttribute("Name"));
    check(hosts.includes("Workbook"), `<Hosts> ska innehålla <Host Name="Workbook"/> (Excel).`);
  }
  if (seen.has("DefaultSettings")) {
    const source = elementChildren(seen.get("DefaultSettings")).find((e) => e.localName === "SourceLocation");
    check(source && source.getAttribute("DefaultValue"), `<DefaultSettings> saknar <SourceLocation DefaultValue="…"/>.`);
  }
  if (seen.has("Requirements")) {
    for (const set of descendants(seen.get("Requirements"), "Set")) {
      check(set.getAttribute("Name") && VERSION.test(set.getAttribute("MinVersion") || "1.1"),
        `<Set> i <Requirements> ska ha Name och MinVersion (t.ex. Name="ExcelApi" MinVersion="1.7").`);
    }
  }

  // Every URL is https; every asset under the add-in's own URL exists with the right size.
  const urls = [];
  for (const element of descendants(root)) {
    for (const attribute of ["DefaultValue", "Value"]) {
      const value = element.getAttribute(attribute);
      if (value && URL_LIKE.test(value)) urls.push({ element, value });
    }
    if (element.localName === "AppDomain" && URL_LIKE.test(text(element))) urls.push({ element, value: text(element) });
  }
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const element = seen.get(name);
    const value = element && element.getAttribute("DefaultValue");
    if (value) check(URL_LIKE.test(value), `<${name}> ska vara en fullständig https-adress, inte "${value}".`);
  }
  for (const { element, value } of urls) {
    check(value.startsWith("https://"), `Adressen ${value} i <${element.nodeName}> ska använda https.`);
  }

  const expectedSize = (element) => {
    if (element.localName === "Image") return Number(element.getAttribute("size")) || null;
    const parent = element.parentNode;
    if (element.localName === "Override" && parent) return BASE_ICON_SIZE[parent.localName] || null;
    return BASE_ICON_SIZE[element.localName] || null;
  };
  const imageResourceSize = new Map();
  for (const image of descendants(root, "Image")) {
    if (image.getAttribute("resid")) imageResourceSize.set(image.getAttribute("resid"), Number(image.getAttribute("size")));
  }
  for (const { element, value } of urls) {
    const base = baseUrls.find((b) => value.startsWith(b + "assets/"));
    if (!base) continue;
    const file = decodeURIComponent(value.slice((base + "assets/").length).split(/[?#]/)[0]);
    const full = path.join(assetsDir, file);
    if (!check(file && !file.includes("..") && fs.existsSync(full), `Filen assets/${file} som ${value} pekar på finns inte.`)) continue;
    const size = pngSize(fs.readFileSync(full));
    let wanted = expectedSize(element);
    if (element.localName === "Image" && element.getAttribute("id")) {
      // A resource image: the size is given where it is used (<bt:Image size="16" resid="…"/>).
      wanted = imageResourceSize.get(element.getAttribute("id")) || null;
    }
    if (wanted && /\.png$/i.test(file)) {
      check(size && size.width === wanted && size.height === wanted,
        `Ikonen assets/${file} ska vara ${wanted}×${wanted} bildpunkter, är ${size ? `${size.width}×${size.height}` : "ingen giltig PNG"}.`);
    }
  }

  // VersionOverrides: the ribbon button and its resources.
  const overrides = seen.get("VersionOverrides");
  if (overrides) {
    check(overrides.namespaceURI === NS_VERSION_OVERRIDES, `<VersionOverrides> ska ligga i namnrymden ${NS_VERSION_OVERRIDES}.`);
    check(overrides.getAttributeNS(NS_XSI, "type") === "VersionOverridesV1_0", `<VersionOverrides> ska ha xsi:type="VersionOverridesV1_0".`);
    const resources = new Map();
    const resourcesElement = elementChildren(overrides).find((e) => e.localName === "Resources");
    check(resourcesElement, `<VersionOverrides> saknar <Resources>.`);
    if (resourcesElement) {
      for (const collection of elementChildren(resourcesElement)) {
        for (const item of elementChildren(collection)) {
          const resourceId = item.getAttribute("id");
          if (!check(resourceId, `En resurs i <${collection.nodeName}> saknar id.`)) continue;
          check(!resources.has(resourceId), `Resurs-id "${resourceId}" förekommer mer än en gång.`);
          resources.set(resourceId, collection.localName);
          const limit = MAX_LENGTH[collection.localName];
          if (limit) {
            for (const value of [item.getAttribute("DefaultValue"), ...elementChildren(item).map((o) => o.getAttribute("Value"))]) {
              check((value || "").length <= limit, `Texten för "${resourceId}" är ${(value || "").length} tecken; högst ${limit} är tillåtet.`);
            }
          }
        }
      }
    }
    for (const element of descendants(overrides)) {
      const resid = element.getAttribute("resid");
      if (!resid) continue;
      const kind = resources.get(resid);
      if (!check(kind, `resid="${resid}" i <${element.nodeName}> finns inte bland <Resources>.`)) continue;
      const wanted = RESID_KIND[element.localName];
      if (wanted) check(kind === wanted, `resid="${resid}" i <${element.nodeName}> ska peka på en resurs i <bt:${wanted}>, inte <bt:${kind}>.`);
    }
    const workbookHost = descendants(overrides, "Host").find((h) => h.getAttributeNS(NS_XSI, "type") === "Workbook");
    if (check(workbookHost, `<VersionOverrides> saknar <Host xsi:type="Workbook">.`)) {
      const button = descendants(workbookHost, "Control").find((c) => c.getAttributeNS(NS_XSI, "type") === "Button");
      check(button, `Det finns ingen knapp (<Control xsi:type="Button">) för Excel i menyfliksområdet.`);
      if (button) {
        const action = descendants(button, "Action")[0];
        check(action && action.getAttributeNS(NS_XSI, "type") === "ShowTaskpane", `Knappen ska öppna aktivitetsfönstret (<Action xsi:type="ShowTaskpane">).`);
      }
    }
  }

  return { errors, checks };
}

function main(argv) {
  const file = path.resolve(argv[0] || path.join(__dirname, "..", "manifest.xml"));
  let xml;
  try {
    xml = fs.readFileSync(file, "utf8");
  } catch (e) {
    process.stderr.write(`Kan inte läsa ${file}: ${e.message}\n`);
    return 1;
  }
  const baseUrls = [DEV_URL];
  if (process.env.ADDIN_PRODUCTION_URL) baseUrls.push(process.env.ADDIN_PRODUCTION_URL);
  const { errors, checks } = validateManifest(xml, { baseUrls });
  const name = path.relative(process.cwd(), file) || file;
  if (errors.length) {
    process.stderr.write(`${name}: ${errors.length} fel\n`);
    for (const error of errors) process.stderr.write(`  FEL: ${error}\n`);
    return 1;
  }
  process.stdout.write(`${name}: OK (${checks} kontroller, offline; Microsofts onlinevalidering har inte körts)\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { validateManifest, CHILD_ORDER };
