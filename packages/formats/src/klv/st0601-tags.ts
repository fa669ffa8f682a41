/**
 * MISB ST 0601.19 UAS Datalink Local Set: every item, 1 to 143, with the
 * mapping the standard gives it. Facts from the standard (names, lengths,
 * ranges, units, enumerations); nothing copied from other decoders.
 *
 * Fixed-length integers mapped to a range (`umap`, `smap`) are the items
 * of the first versions; from ST 0601.8 on new items use IMAPB (ST 1201)
 * with a variable length, and packs. Items 73, 95, 97–101 nest local sets
 * of other standards (ST 0806, 1206, 1002, 1601, 1602, 1607) that Nariz
 * keeps as tag/bytes items; Item 102 (ST 1010 SDCC-FLP) is kept as bytes.
 */
import {
  bytes, checksum, enumeration, imapb, int, pack, set, smap, text, time, uint, umap,
} from './codecs.js';
import type { FieldInputsOf, FieldsOf } from './fields.js';
import { makeTable, type EntrySpec } from './set-table.js';
import { ST0102 } from './st0102-tags.js';
import { ST0903 } from './st0903-tags.js';

const opaque = (standard: string) => makeTable(standard, [], { opaque: true });
export const ST0806_RVT = opaque('ST 0806 RVT Local Set');
export const ST1206_SARMI = opaque('ST 1206 SAR Motion Imagery Local Set');
export const ST1002_RANGE_IMAGE = opaque('ST 1002 Range Image Local Set');
export const ST1601_GEO_REGISTRATION = opaque('ST 1601 Geo-Registration Local Set');
export const ST1602_COMPOSITE_IMAGING = opaque('ST 1602 Composite Imaging Local Set');
export const ST1607_SEGMENT = opaque('ST 1607 Segment Local Set');
export const ST1607_AMEND = opaque('ST 1607 Amend Local Set');

export const ICING_LABELS = ['Detector off', 'No icing detected', 'Icing detected'] as const;
export const SENSOR_FOV_NAME_LABELS = ['Ultranarrow', 'Narrow', 'Medium', 'Wide', 'Ultrawide', 'Narrow Medium', '2x Ultranarrow', '4x Ultranarrow', 'Continuous Zoom'] as const;
export const OPERATIONAL_MODE_LABELS = ['Other', 'Operational', 'Training', 'Exercise', 'Maintenance', 'Test'] as const;
export const PLATFORM_STATUS_LABELS = [
  'Active', 'Pre-flight', 'Pre-flight-taxiing', 'Run-up', 'Take-off', 'Ingress', 'Manual operation', 'Automated-orbit', 'Transitioning',
  'Egress', 'Landing', 'Landed-taxiing', 'Landed-Parked',
] as const;
export const SENSOR_CONTROL_MODE_LABELS = ['Off', 'Home Position', 'Uncontrolled', 'Manual Control', 'Calibrating', 'Auto - Holding Position', 'Auto - Tracking'] as const;
/** Item 47 bits, least significant first. */
export const GENERIC_FLAG_BITS = ['laserOn', 'autoTrackOn', 'irBlackHot', 'icingDetected', 'slantRangeMeasured', 'imageInvalid'] as const;
/** Item 124 bits, least significant first. */
export const POSITIONING_SOURCE_BITS = ['INS', 'GPS', 'Galileo', 'QZSS', 'NAVIC', 'GLONASS', 'BeiDou-1', 'BeiDou-2'] as const;

const ALT = [-900, 19000] as const;
const ALT_EXT = [-900, 40000] as const;

export const ST0601_SPECS = [
  { tag: 1, key: 'checksum', name: 'Checksum', codec: checksum },
  { tag: 2, key: 'precisionTimeStampUs', name: 'Precision Time Stamp', units: 'µs', codec: time },
  { tag: 3, key: 'missionId', name: 'Mission ID', codec: text() },
  { tag: 4, key: 'platformTailNumber', name: 'Platform Tail Number', codec: text() },
  { tag: 5, key: 'platformHeadingDeg', name: 'Platform Heading Angle', units: 'deg', codec: umap(2, 0, 360) },
  { tag: 6, key: 'platformPitchDeg', name: 'Platform Pitch Angle', units: 'deg', codec: smap(2, 20) },
  { tag: 7, key: 'platformRollDeg', name: 'Platform Roll Angle', units: 'deg', codec: smap(2, 50) },
  { tag: 8, key: 'platformTrueAirspeedMps', name: 'Platform True Airspeed', units: 'm/s', codec: uint(1) },
  { tag: 9, key: 'platformIndicatedAirspeedMps', name: 'Platform Indicated Airspeed', units: 'm/s', codec: uint(1) },
  { tag: 10, key: 'platformDesignation', name: 'Platform Designation', codec: text() },
  { tag: 11, key: 'imageSourceSensor', name: 'Image Source Sensor', codec: text() },
  { tag: 12, key: 'imageCoordinateSystem', name: 'Image Coordinate System', codec: text() },
  { tag: 13, key: 'sensorLatDeg', name: 'Sensor Latitude', units: 'deg', codec: smap(4, 90) },
  { tag: 14, key: 'sensorLonDeg', name: 'Sensor Longitude', units: 'deg', codec: smap(4, 180) },
  { tag: 15, key: 'sensorTrueAltitudeM', name: 'Sensor True Altitude', units: 'm', codec: umap(2, ...ALT) },
  { tag: 16, key: 'sensorHfovDeg', name: 'Sensor Horizontal Field of View', units: 'deg', codec: umap(2, 0, 180) },
  { tag: 17, key: 'sensorVfovDeg', name: 'Sensor Vertical Field of View', units: 'deg', codec: umap(2, 0, 180) },
  { tag: 18, key: 'sensorRelAzimuthDeg', name: 'Sensor Relative Azimuth Angle', units: 'deg', codec: umap(4, 0, 360) },
  { tag: 19, key: 'sensorRelElevationDeg', name: 'Sensor Relative Elevation Angle', units: 'deg', codec: smap(4, 180) },
  { tag: 20, key: 'sensorRelRollDeg', name: 'Sensor Relative Roll Angle', units: 'deg', codec: umap(4, 0, 360) },
  { tag: 21, key: 'slantRangeM', name: 'Slant Range', units: 'm', codec: umap(4, 0, 5e6) },
  { tag: 22, key: 'targetWidthM', name: 'Target Width', units: 'm', codec: umap(2, 0, 10000) },
  { tag: 23, key: 'frameCenterLatDeg', name: 'Frame Center Latitude', units: 'deg', codec: smap(4, 90) },
  { tag: 24, key: 'frameCenterLonDeg', name: 'Frame Center Longitude', units: 'deg', codec: smap(4, 180) },
  { tag: 25, key: 'frameCenterElevationM', name: 'Frame Center Elevation', units: 'm', codec: umap(2, ...ALT) },
  { tag: 26, key: 'offsetCornerLat1Deg', name: 'Offset Corner Latitude Point 1', units: 'deg', codec: smap(2, 0.075) },
  { tag: 27, key: 'offsetCornerLon1Deg', name: 'Offset Corner Longitude Point 1', units: 'deg', codec: smap(2, 0.075) },
  { tag: 28, key: 'offsetCornerLat2Deg', name: 'Offset Corner Latitude Point 2', units: 'deg', codec: smap(2, 0.075) },
  { tag: 29, key: 'offsetCornerLon2Deg', name: 'Offset Corner Longitude Point 2', units: 'deg', codec: smap(2, 0.075) },
  { tag: 30, key: 'offsetCornerLat3Deg', name: 'Offset Corner Latitude Point 3', units: 'deg', codec: smap(2, 0.075) },
  { tag: 31, key: 'offsetCornerLon3Deg', name: 'Offset Corner Longitude Point 3', units: 'deg', codec: smap(2, 0.075) },
  { tag: 32, key: 'offsetCornerLat4Deg', name: 'Offset Corner Latitude Point 4', units: 'deg', codec: smap(2, 0.075) },
  { tag: 33, key: 'offsetCornerLon4Deg', name: 'Offset Corner Longitude Point 4', units: 'deg', codec: smap(2, 0.075) },
  { tag: 34, key: 'icingDetected', name: 'Icing Detected', codec: enumeration(ICING_LABELS) },
  { tag: 35, key: 'windDirectionDeg', name: 'Wind Direction', units: 'deg', codec: umap(2, 0, 360) },
  { tag: 36, key: 'windSpeedMps', name: 'Wind Speed', units: 'm/s', codec: umap(1, 0, 100) },
  { tag: 37, key: 'staticPressureMbar', name: 'Static Pressure', units: 'mbar', codec: umap(2, 0, 5000) },
  { tag: 38, key: 'densityAltitudeM', name: 'Density Altitude', units: 'm', codec: umap(2, ...ALT) },
  { tag: 39, key: 'outsideAirTempC', name: 'Outside Air Temperature', units: '°C', codec: int(1) },
  { tag: 40, key: 'targetLatDeg', name: 'Target Location Latitude', units: 'deg', codec: smap(4, 90) },
  { tag: 41, key: 'targetLonDeg', name: 'Target Location Longitude', units: 'deg', codec: smap(4, 180) },
  { tag: 42, key: 'targetElevationM', name: 'Target Location Elevation', units: 'm', codec: umap(2, ...ALT) },
  { tag: 43, key: 'targetTrackGateWidthPx', name: 'Target Track Gate Width', units: 'px', codec: umap(1, 0, 510) },
  { tag: 44, key: 'targetTrackGateHeightPx', name: 'Target Track Gate Height', units: 'px', codec: umap(1, 0, 510) },
  { tag: 45, key: 'targetErrorCe90M', name: 'Target Error Estimate - CE90', units: 'm', codec: umap(2, 0, 4095) },
  { tag: 46, key: 'targetErrorLe90M', name: 'Target Error Estimate - LE90', units: 'm', codec: umap(2, 0, 4095) },
  { tag: 47, key: 'genericFlagData', name: 'Generic Flag Data', codec: uint(1) },
  { tag: 48, key: 'securityLocalSet', name: 'Security Local Set', codec: set(() => ST0102) },
  { tag: 49, key: 'differentialPressureMbar', name: 'Differential Pressure', units: 'mbar', codec: umap(2, 0, 5000) },
  { tag: 50, key: 'platformAngleOfAttackDeg', name: 'Platform Angle of Attack', units: 'deg', codec: smap(2, 20) },
  { tag: 51, key: 'platformVerticalSpeedMps', name: 'Platform Vertical Speed', units: 'm/s', codec: smap(2, 180) },
  { tag: 52, key: 'platformSideslipDeg', name: 'Platform Sideslip Angle', units: 'deg', codec: smap(2, 20) },
  { tag: 53, key: 'airfieldBarometricPressureMbar', name: 'Airfield Barometric Pressure', units: 'mbar', codec: umap(2, 0, 5000) },
  { tag: 54, key: 'airfieldElevationM', name: 'Airfield Elevation', units: 'm', codec: umap(2, ...ALT) },
  { tag: 55, key: 'relativeHumidityPct', name: 'Relative Humidity', units: '%', codec: umap(1, 0, 100) },
  { tag: 56, key: 'platformGroundSpeedMps', name: 'Platform Ground Speed', units: 'm/s', codec: uint(1) },
  { tag: 57, key: 'groundRangeM', name: 'Ground Range', units: 'm', codec: umap(4, 0, 5e6) },
  { tag: 58, key: 'platformFuelRemainingKg', name: 'Platform Fuel Remaining', units: 'kg', codec: umap(2, 0, 10000) },
  { tag: 59, key: 'platformCallSign', name: 'Platform Call Sign', codec: text() },
  { tag: 60, key: 'weaponLoad', name: 'Weapon Load', codec: uint(2) },
  { tag: 61, key: 'weaponFired', name: 'Weapon Fired', codec: uint(1) },
  { tag: 62, key: 'laserPrfCode', name: 'Laser PRF Code', codec: uint(2, 2, 1111, 8888) },
  { tag: 63, key: 'sensorFovName', name: 'Sensor Field of View Name', codec: enumeration(SENSOR_FOV_NAME_LABELS) },
  { tag: 64, key: 'platformMagneticHeadingDeg', name: 'Platform Magnetic Heading', units: 'deg', codec: umap(2, 0, 360) },
  { tag: 65, key: 'uasLsVersion', name: 'UAS Datalink LS Version Number', codec: uint(1) },
  { tag: 66, key: 'targetLocationCovariance', name: 'Deprecated (Target Location Covariance Matrix)', codec: bytes(), deprecated: true },
  { tag: 67, key: 'altPlatformLatDeg', name: 'Alternate Platform Latitude', units: 'deg', codec: smap(4, 90) },
  { tag: 68, key: 'altPlatformLonDeg', name: 'Alternate Platform Longitude', units: 'deg', codec: smap(4, 180) },
  { tag: 69, key: 'altPlatformAltitudeM', name: 'Alternate Platform Altitude', units: 'm', codec: umap(2, ...ALT) },
  { tag: 70, key: 'altPlatformName', name: 'Alternate Platform Name', codec: text() },
  { tag: 71, key: 'altPlatformHeadingDeg', name: 'Alternate Platform Heading', units: 'deg', codec: umap(2, 0, 360) },
  { tag: 72, key: 'eventStartTimeUs', name: 'Event Start Time - UTC', units: 'µs', codec: time },
  { tag: 73, key: 'rvtLocalSet', name: 'RVT Local Set', codec: set(() => ST0806_RVT) },
  { tag: 74, key: 'vmtiLocalSet', name: 'VMTI Local Set', codec: set(() => ST0903) },
  { tag: 75, key: 'sensorEllipsoidHeightM', name: 'Sensor Ellipsoid Height', units: 'm', codec: umap(2, ...ALT) },
  { tag: 76, key: 'altPlatformEllipsoidHeightM', name: 'Alternate Platform Ellipsoid Height', units: 'm', codec: umap(2, ...ALT) },
  { tag: 77, key: 'operationalMode', name: 'Operational Mode', codec: enumeration(OPERATIONAL_MODE_LABELS) },
  { tag: 78, key: 'frameCenterHaeM', name: 'Frame Center Height Above Ellipsoid', units: 'm', codec: umap(2, ...ALT) },
  { tag: 79, key: 'sensorNorthVelocityMps', name: 'Sensor North Velocity', units: 'm/s', codec: smap(2, 327) },
  { tag: 80, key: 'sensorEastVelocityMps', name: 'Sensor East Velocity', units: 'm/s', codec: smap(2, 327) },
  { tag: 81, key: 'imageHorizon', name: 'Image Horizon Pixel Pack', codec: pack('horizon') },
  { tag: 82, key: 'cornerLat1Deg', name: 'Corner Latitude Point 1 (Full)', units: 'deg', codec: smap(4, 90) },
  { tag: 83, key: 'cornerLon1Deg', name: 'Corner Longitude Point 1 (Full)', units: 'deg', codec: smap(4, 180) },
  { tag: 84, key: 'cornerLat2Deg', name: 'Corner Latitude Point 2 (Full)', units: 'deg', codec: smap(4, 90) },
  { tag: 85, key: 'cornerLon2Deg', name: 'Corner Longitude Point 2 (Full)', units: 'deg', codec: smap(4, 180) },
  { tag: 86, key: 'cornerLat3Deg', name: 'Corner Latitude Point 3 (Full)', units: 'deg', codec: smap(4, 90) },
  { tag: 87, key: 'cornerLon3Deg', name: 'Corner Longitude Point 3 (Full)', units: 'deg', codec: smap(4, 180) },
  { tag: 88, key: 'cornerLat4Deg', name: 'Corner Latitude Point 4 (Full)', units: 'deg', codec: smap(4, 90) },
  { tag: 89, key: 'cornerLon4Deg', name: 'Corner Longitude Point 4 (Full)', units: 'deg', codec: smap(4, 180) },
  { tag: 90, key: 'platformPitchFullDeg', name: 'Platform Pitch Angle (Full)', units: 'deg', codec: smap(4, 90) },
  { tag: 91, key: 'platformRollFullDeg', name: 'Platform Roll Angle (Full)', units: 'deg', codec: smap(4, 90) },
  { tag: 92, key: 'platformAngleOfAttackFullDeg', name: 'Platform Angle of Attack (Full)', units: 'deg', codec: smap(4, 90) },
  { tag: 93, key: 'platformSideslipFullDeg', name: 'Platform Sideslip Angle (Full)', units: 'deg', codec: smap(4, 180) },
  { tag: 94, key: 'miisCoreId', name: 'MIIS Core Identifier', codec: pack('miis') },
  { tag: 95, key: 'sarMotionImageryLocalSet', name: 'SAR Motion Imagery Local Set', codec: set(() => ST1206_SARMI) },
  { tag: 96, key: 'targetWidthExtendedM', name: 'Target Width Extended', units: 'm', codec: imapb(0, 1_500_000, 3, 8) },
  { tag: 97, key: 'rangeImageLocalSet', name: 'Range Image Local Set', codec: set(() => ST1002_RANGE_IMAGE) },
  { tag: 98, key: 'geoRegistrationLocalSet', name: 'Geo-Registration Local Set', codec: set(() => ST1601_GEO_REGISTRATION) },
  { tag: 99, key: 'compositeImagingLocalSet', name: 'Composite Imaging Local Set', codec: set(() => ST1602_COMPOSITE_IMAGING) },
  { tag: 100, key: 'segmentLocalSet', name: 'Segment Local Set', codec: set(() => ST1607_SEGMENT), multiple: true },
  { tag: 101, key: 'amendLocalSet', name: 'Amend Local Set', codec: set(() => ST1607_AMEND), multiple: true },
  { tag: 102, key: 'sdccFlp', name: 'SDCC-FLP', codec: bytes(), multiple: true },
  { tag: 103, key: 'densityAltitudeExtendedM', name: 'Density Altitude Extended', units: 'm', codec: imapb(...ALT_EXT, 3, 8) },
  { tag: 104, key: 'sensorEllipsoidHeightExtendedM', name: 'Sensor Ellipsoid Height Extended', units: 'm', codec: imapb(...ALT_EXT, 3, 8) },
  { tag: 105, key: 'altPlatformEllipsoidHeightExtendedM', name: 'Alternate Platform Ellipsoid Height Extended', units: 'm', codec: imapb(...ALT_EXT, 3, 8) },
  { tag: 106, key: 'streamDesignator', name: 'Stream Designator', codec: text() },
  { tag: 107, key: 'operationalBase', name: 'Operational Base', codec: text() },
  { tag: 108, key: 'broadcastSource', name: 'Broadcast Source', codec: text() },
  { tag: 109, key: 'rangeToRecoveryLocationKm', name: 'Range To Recovery Location', units: 'km', codec: imapb(0, 21000, 3, 4) },
  { tag: 110, key: 'timeAirborneS', name: 'Time Airborne', units: 's', codec: uint(0, 4) },
  { tag: 111, key: 'propulsionUnitSpeedRpm', name: 'Propulsion Unit Speed', units: 'rpm', codec: uint(0, 4) },
  { tag: 112, key: 'platformCourseDeg', name: 'Platform Course Angle', units: 'deg', codec: imapb(0, 360, 2, 8) },
  { tag: 113, key: 'altitudeAglM', name: 'Altitude AGL', units: 'm', codec: imapb(...ALT_EXT, 3, 4) },
  { tag: 114, key: 'radarAltimeterM', name: 'Radar Altimeter', units: 'm', codec: imapb(...ALT_EXT, 3, 4) },
  { tag: 115, key: 'controlCommand', name: 'Control Command', codec: pack('controlCommand'), multiple: true },
  { tag: 116, key: 'controlCommandVerificationList', name: 'Control Command Verification List', codec: pack('idList') },
  { tag: 117, key: 'sensorAzimuthRateDps', name: 'Sensor Azimuth Rate', units: 'deg/s', codec: imapb(-1000, 1000, 3, 4) },
  { tag: 118, key: 'sensorElevationRateDps', name: 'Sensor Elevation Rate', units: 'deg/s', codec: imapb(-1000, 1000, 3, 4) },
  { tag: 119, key: 'sensorRollRateDps', name: 'Sensor Roll Rate', units: 'deg/s', codec: imapb(-1000, 1000, 3, 4) },
  { tag: 120, key: 'onboardMiStoragePercentFull', name: 'On-board MI Storage Percent Full', units: '%', codec: imapb(0, 100, 2, 3) },
  { tag: 121, key: 'activeWavelengthList', name: 'Active Wavelength List', codec: pack('idList') },
  { tag: 122, key: 'countryCodes', name: 'Country Codes', codec: pack('countryCodes') },
  { tag: 123, key: 'navsatsInView', name: 'Number of NAVSATs in View', codec: uint(1) },
  { tag: 124, key: 'positioningMethodSource', name: 'Positioning Method Source', codec: uint(1, 1, 1, 255) },
  { tag: 125, key: 'platformStatus', name: 'Platform Status', codec: enumeration(PLATFORM_STATUS_LABELS) },
  { tag: 126, key: 'sensorControlMode', name: 'Sensor Control Mode', codec: enumeration(SENSOR_CONTROL_MODE_LABELS) },
  { tag: 127, key: 'sensorFrameRate', name: 'Sensor Frame Rate Pack', codec: pack('frameRate') },
  { tag: 128, key: 'wavelengthsList', name: 'Wavelengths List', codec: pack('wavelengths') },
  { tag: 129, key: 'targetId', name: 'Target ID', codec: text() },
  { tag: 130, key: 'airbaseLocations', name: 'Airbase Locations', codec: pack('airbases') },
  { tag: 131, key: 'takeOffTimeUs', name: 'Take-off Time', units: 'µs', codec: time },
  { tag: 132, key: 'transmissionFrequencyMhz', name: 'Transmission Frequency', units: 'MHz', codec: imapb(1, 99999, 3, 4) },
  { tag: 133, key: 'onboardMiStorageCapacityGb', name: 'On-board MI Storage Capacity', units: 'GB', codec: uint(0, 4) },
  { tag: 134, key: 'zoomPercentage', name: 'Zoom Percentage', units: '%', codec: imapb(0, 100, 2, 4) },
  { tag: 135, key: 'communicationsMethod', name: 'Communications Method', codec: text() },
  { tag: 136, key: 'leapSecondsS', name: 'Leap Seconds', units: 's', codec: int(0, 4) },
  { tag: 137, key: 'correctionOffsetUs', name: 'Correction Offset', units: 'µs', codec: int(0, 8) },
  { tag: 138, key: 'payloadList', name: 'Payload List', codec: pack('payloads') },
  { tag: 139, key: 'activePayloads', name: 'Active Payloads', codec: pack('activePayloads') },
  { tag: 140, key: 'weaponsStores', name: 'Weapons Stores', codec: pack('weapons') },
  { tag: 141, key: 'waypointList', name: 'Waypoint List', codec: pack('waypoints') },
  { tag: 142, key: 'viewDomain', name: 'View Domain', codec: pack('viewDomain') },
  { tag: 143, key: 'metadataSubstreamId', name: 'Metadata Substream ID Pack', codec: pack('msid') },
] as const satisfies readonly EntrySpec[];

export const ST0601 = makeTable('ST 0601 UAS Datalink Local Set', ST0601_SPECS);

/** The version of ST 0601 this table follows (Item 65 value an encoder writes by default). */
export const ST0601_VERSION = 19;

/** Decoded values by field name (Item 115, 100–102 as arrays). */
export type St0601Fields = FieldsOf<typeof ST0601_SPECS>;
/** What encodeSt0601Fields takes. */
export type St0601FieldInputs = FieldInputsOf<typeof ST0601_SPECS>;
export type St0601Key = keyof St0601Fields;
