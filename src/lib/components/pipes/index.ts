// The staff's pipeline components, loaded together on the map page once a member signs in.
export { default as PipeDetail } from './PipeDetail.svelte';
export { default as PipesPanel } from './PipesPanel.svelte';
