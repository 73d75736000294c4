import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// scripts/ is plain Node (no build step); jest's roots are src/ and test/, so the test lives here.
const { validateManifest } = require("../../scripts/validate-manifest") as {
  validateManifest: (xml: string, options?: { assetsDir?: string; baseUrls?: string[] }) => { errors: string[]; checks: number };
};

const root = path.join(__dirname, "..", "..");
const script = path.join(root, "scripts", "validate-manifest.js");
const good = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function errorsOf(xml: string): string[] {
  return validateManifest(xml).errors;
}

describe("validate-manifest", () => {
  it("accepts the project's manifest", () => {
    const result = validateManifest(good);
    expect(result.errors).toEqual([]);
    expect(result.checks).toBeGreaterThan(50);
  });

  it("rejects XML that is not well-formed", () => {
    const errors = errorsOf(good.replace("</DefaultSettings>", ""));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^XML-filen är inte välformad/);
  });

  it("rejects elements out of schema order", () => {
    const permissions = "  <Permissions>ReadWriteDocument</Permissions>\n";
    const moved = good.replace(permissions, "").replace("  <DefaultSettings>", permissions + "  <DefaultSettings>");
    expect(errorsOf(moved)).toEqual(["Elementet <DefaultSettings> står i fel ordning: det ska komma före <Permissions> enligt schemat."]);
  });

  it("rejects a missing required element and an id that is not a GUID", () => {
    const broken = good.replace(/<ProviderName>.*<\/ProviderName>\n/, "").replace(/<Id>[^<]*<\/Id>/, "<Id>foljsam</Id>");
    expect(errorsOf(broken)).toEqual([
      "Obligatoriskt element <ProviderName> saknas under <OfficeApp>.",
      '<Id> ska vara en GUID (t.ex. 01234567-89ab-cdef-0123-456789abcdef), inte "foljsam".',
    ]);
  });

  it("rejects http addresses and icons that do not exist", () => {
    const broken = good
      .replace('"https://localhost:3000/help.html"/>\n  <Hosts>', '"http://localhost:3000/help.html"/>\n  <Hosts>')
      .replace("assets/icon-80.png", "assets/icon-81.png");
    expect(errorsOf(broken)).toEqual([
      "Adressen http://localhost:3000/help.html i <SupportUrl> ska använda https.",
      "Filen assets/icon-81.png som https://localhost:3000/assets/icon-81.png pekar på finns inte.",
    ]);
  });

  it("rejects an icon whose pixel size differs from the size it is used at", () => {
    const broken = good.replace('DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="https://localhost:3000/assets/icon-32.png"');
    expect(errorsOf(broken)).toEqual(["Ikonen assets/icon-32.png ska vara 16×16 bildpunkter, är 32×32."]);
  });

  it("rejects a resid that does not resolve, or resolves to the wrong kind of resource", () => {
    const missing = good.replace('<FunctionFile resid="Foljsam.Commands.Url"/>', '<FunctionFile resid="Foljsam.Nowhere"/>');
    expect(errorsOf(missing)).toEqual(['resid="Foljsam.Nowhere" i <FunctionFile> finns inte bland <Resources>.']);
    const wrongKind = good.replace('<Label resid="Foljsam.Group.Label"/>', '<Label resid="Foljsam.Taskpane.Url"/>');
    expect(errorsOf(wrongKind)).toEqual(['resid="Foljsam.Taskpane.Url" i <Label> ska peka på en resurs i <bt:ShortStrings>, inte <bt:Urls>.']);
  });

  it("exits 0 with a Swedish OK line, and 1 with the errors on a broken copy", () => {
    const ok = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/manifest\.xml: OK \(\d+ kontroller/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "foljsam-manifest-"));
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, good.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"));
    const bad = spawnSync(process.execPath, [script, file], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("FEL: <Permissions> ska vara en av Restricted, ReadDocument, ReadAllDocument, WriteDocument, ReadWriteDocument, inte \"Everything\".");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
