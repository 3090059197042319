/** The generated demo city: its entry point and default seed. */
export { DEFAULT_DEMO_SEED, generateDemoCity } from './generate-demo-city';
