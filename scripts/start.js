#!/usr/bin/env node
"use strict";
/**
 * `npm start`: runs the dev server (https://localhost:3000), waits until it answers, then
 * sideloads the add-in. Where desktop Excel exists (Windows, macOS) that is
 * `office-addin-debugging start manifest.xml desktop` (fetched by npx; it is not a project
 * dependency because it needs a native module that does not build everywhere). Elsewhere it
 * prints, in Swedish, how to sideload manifest.xml in Excel on the web. Ctrl+C stops the server.
 */
const { spawn } = require("child_process");
const https = require("https");
const path = require("path");

const root = path.join(__dirname, "..");
const port = Number(process.env.npm_package_config_dev_server_port) || 3000;
const url = `https://localhost:${port}/taskpane.html`;
const desktop = process.platform === "win32" || process.platform === "darwin";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

const children = [];
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  children.push(child);
  return child;
}

function stop(code) {
  for (const child of children) if (child.exitCode === null) child.kill();
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

/** Resolves once the dev server answers over https (its certificate is the local dev one). */
function waitForServer(timeoutMs) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const request = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
        response.resume();
        resolve();
      });
      request.on("error", retry);
      request.on("timeout", () => request.destroy(new Error("timeout")));
    };
    const retry = () => {
      if (Date.now() - started > timeoutMs) reject(new Error(`Utvecklingsservern svarade inte på ${url} inom ${timeoutMs / 1000} s.`));
      else setTimeout(attempt, 1000);
    };
    attempt();
  });
}

function printWebInstructions() {
  const manifest = path.join(root, "manifest.xml");
  process.stdout.write(
    [
      "",
      `Följsam körs nu på ${url}`,
      "",
      "Det finns ingen Excel för skrivbordet här, så läs in tillägget i Excel på webben:",
      "  1. Öppna https://excel.cloud.microsoft (eller office.com) och en arbetsbok.",
      "  2. Välj Start > Tillägg > Fler inställningar (eller Mina tillägg) > Ladda upp mitt tillägg.",
      `  3. Välj filen ${manifest} och Ladda upp.`,
      "  4. Knappen Uppföljning i gruppen Följsam på fliken Start öppnar aktivitetsfönstret.",
      "",
      "Första gången: webbläsaren måste lita på utvecklarcertifikatet. Kör",
      "  npx office-addin-dev-certs install",
      `eller öppna ${url} i webbläsaren och godkänn certifikatet.`,
      "Tillägget finns kvar i Excel på webben tills webbläsarens cache rensas.",
      "",
      "Avsluta med Ctrl+C.",
      "",
    ].join("\n"),
  );
}

const server = run(npm, ["run", "dev-server"]);
server.on("exit", (code) => stop(code === null ? 1 : code));

waitForServer(120_000)
  .then(() => {
    if (!desktop) {
      printWebInstructions();
      return;
    }
    const sideload = run(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
    sideload.on("exit", (code) => {
      if (code) {
        process.stderr.write(
          "Kunde inte läsa in tillägget i Excel för skrivbordet (office-addin-debugging). " +
            "Utvecklingsservern körs fortfarande; läs in manifest.xml för hand, se README.\n",
        );
        printWebInstructions();
      }
    });
  })
  .catch((error) => {
    process.stderr.write(`${error.message}\n`);
    stop(1);
  });
