// Generates src/generated/<function>.ts from openapi/<function>.json (written by `python -m workmonitor.openapi`).
// `npm run types` regenerates both; tests/test_client_types.py fails when the committed files are stale.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const here = new URL("..", import.meta.url).pathname;
const specDir = join(here, "openapi");
const outDir = process.argv[2] || join(here, "src", "generated");
mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(specDir).filter((f) => f.endsWith(".json")).sort()) {
  const spec = JSON.parse(readFileSync(join(specDir, file), "utf8"));
  const ast = await openapiTS(spec);
  const banner = `// Generated from openapi/${file} by scripts/gen-types.mjs — do not edit.\n`;
  writeFileSync(join(outDir, file.replace(/\.json$/, ".ts")), banner + astToString(ast));
}
