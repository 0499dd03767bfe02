// Generates src/generated/<function>.ts from openapi/<function>.json (written by `python -m workmonitor.openapi`),
// and src/generated/events.ts from openapi/events.schema.json (the WebSocket event catalogue, a JSON Schema).
// `npm run types` regenerates both; tests/test_client_types.py fails when the committed files are stale.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const here = new URL("..", import.meta.url).pathname;
const specDir = join(here, "openapi");
const outDir = process.argv[2] || join(here, "src", "generated");
const EVENTS = "events.schema.json";
mkdirSync(outDir, { recursive: true });

/** The event catalogue as an OpenAPI document whose schemas are its $defs plus the root (`WorkMonitorEvents`). */
function eventsAsOpenApi(schema) {
  const { $defs = {}, $schema: _ignored, title = "WorkMonitorEvents", ...root } = schema;
  const text = JSON.stringify({ ...$defs, [title]: { title, ...root } }).replaceAll('"#/$defs/', '"#/components/schemas/');
  return { openapi: "3.1.0", info: { title, version: "1" }, paths: {}, components: { schemas: JSON.parse(text) } };
}

for (const file of readdirSync(specDir).filter((f) => f.endsWith(".json")).sort()) {
  const raw = JSON.parse(readFileSync(join(specDir, file), "utf8"));
  const spec = file === EVENTS ? eventsAsOpenApi(raw) : raw;
  const ast = await openapiTS(spec);
  const banner = `// Generated from openapi/${file} by scripts/gen-types.mjs — do not edit.\n`;
  const name = file === EVENTS ? "events.ts" : file.replace(/\.json$/, ".ts");
  writeFileSync(join(outDir, name), banner + astToString(ast));
}
