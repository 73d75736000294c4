/* eslint-disable no-undef */
// Webpack configuration in the shape of Microsoft's task-pane template (Office-Addin-TaskPane-React):
// entries taskpane and commands, HtmlWebpackPlugin pages, assets and manifest copied to dist/
// with the dev URL swapped for the production one. Differences: ts-loader only transpiles (types
// are checked by `npm run typecheck`), the dev certificate is asked for only by `webpack serve`
// (a production build needs none and works offline), and a test-only harness entry that bundles
// the fake Excel API is added only when FOLJSAM_TEST_HARNESS=1 or `--env harness`.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";

function productionUrl() {
  const url = process.env.ADDIN_PRODUCTION_URL;
  if (!url) return null;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_PRODUCTION_URL måste börja med https:// (är "${url}").`);
  return url.endsWith("/") ? url : `${url}/`;
}

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

const HELP_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="UTF-8"><title>Följsam – hjälp</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head>
<body style="font-family: Segoe UI, sans-serif; max-width: 40em; margin: 2em auto">
<h1>Följsam</h1>
<p>Budget- och indikatoruppföljning för kommuner, i Excel och som kommandorad.</p>
<p>Välj <b>Start &gt; Följsam &gt; Uppföljning</b> i Excel för att öppna aktivitetsfönstret. Följsam hittar
budget-, utfalls- och indikatortabellerna i arbetsboken, visar vad som behöver åtgärdas och skriver
uppföljningen till egna blad. Indatabladen ändras aldrig.</p>
<p>Instruktioner för installation finns i projektets README.</p>
</body></html>`;

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const harness = Boolean(env && env.harness) || process.env.FOLJSAM_TEST_HARNESS === "1";
  const urlProd = dev ? null : productionUrl();
  if (!dev && !urlProd) {
    process.stderr.write(
      "OBS: ADDIN_PRODUCTION_URL är inte satt; manifest.xml i dist/ pekar fortfarande på https://localhost:3000/.\n",
    );
  }

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
  };
  const pages = [
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
    new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
    new HtmlWebpackPlugin({ filename: "help.html", templateContent: HELP_PAGE, inject: false }),
  ];
  if (harness) {
    entry.harness = "./src/taskpane/testHarness.tsx";
    pages.push(new HtmlWebpackPlugin({ filename: "harness.html", template: "./src/taskpane/harness.html", chunks: ["harness"] }));
  }

  return {
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry,
    output: {
      // The harness build goes beside the production build, never into it.
      path: path.resolve(__dirname, harness ? "dist/harness" : "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return urlProd ? content.toString().replace(new RegExp(urlDev, "g"), urlProd) : content;
            },
          },
        ],
      }),
      ...pages,
    ],
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await getHttpsOptions() } : "http",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      hot: true,
    },
  };
};
