/* The demo video: docs/formats/fmv.md#the-demo-video. render-video.ts is Node-only. */
export { SIMULATED_MISSION_ID, flightKlv, flightKlvUnits, vfovFor169, type FlightKlvFrame, type FlightKlvOptions } from './flight-klv.js';
export { sceneColour, vehicleAt, type Scene, type SceneVehicle } from './ground-scene.js';
export { renderFrame } from './render-frame.js';
export { demoVehicle, ffmpegHasDrawtext, renderSimulatedVideo, type RenderVideoOptions, type RenderVideoResult } from './render-video.js';
