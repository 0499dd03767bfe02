// The API's shapes, from the types generated out of each function's OpenAPI document (src/generated/, `npm run
// types`). Pages import these names instead of declaring response shapes by hand.
import type { components as Projects } from "./generated/projects";

type ProjectsSchema = Projects["schemas"];
export type Project = ProjectsSchema["Project"];
export type Budget = ProjectsSchema["Budget"];
export type Client = ProjectsSchema["Client"];
export type Task = ProjectsSchema["Task"];
export type Member = ProjectsSchema["Member"];
