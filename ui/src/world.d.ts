// The offline world outlines (Natural Earth 1:110m via the world-atlas
// package), bundled by Vite as a module: no network access at run time.
declare module "world-atlas/countries-110m.json" {
  import type { GeometryCollection, Topology } from "topojson-specification";
  const world: Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  export default world;
}
