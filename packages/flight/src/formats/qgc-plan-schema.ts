/**
 * JSON Schema (draft-07) of the QGroundControl Plan file as documented in
 * the QGroundControl Developer Guide, "Plan File Format"
 * (docs/en/qgc-dev-guide/file_formats/plan.md): the top-level keys, the
 * mission object's required values, SimpleItem (params = MISSION_ITEM
 * param1..4, x, y, z: seven numbers, null meaning NaN), the geofence
 * (version 2; circles and polygons, version 1 each) and rally points
 * (version 2, [lat, lon, alt] each). ComplexItems (survey, corridor and
 * structure scans) are only required to carry their type and kind, since
 * Nariz never writes them. Tests validate every written plan against this.
 */
export const QGC_PLAN_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://nariz.invalid/schemas/qgc-plan.json',
  title: 'QGroundControl Plan file',
  type: 'object',
  required: ['fileType', 'version', 'groundStation', 'mission'],
  properties: {
    fileType: { const: 'Plan' },
    version: { const: 1 },
    groundStation: { type: 'string' },
    mission: { $ref: '#/definitions/mission' },
    geoFence: { $ref: '#/definitions/geoFence' },
    rallyPoints: { $ref: '#/definitions/rallyPoints' },
  },
  definitions: {
    latLon: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    mission: {
      type: 'object',
      required: ['version', 'firmwareType', 'globalPlanAltitudeMode', 'vehicleType', 'cruiseSpeed', 'hoverSpeed', 'items', 'plannedHomePosition'],
      properties: {
        version: { const: 2 },
        firmwareType: { type: 'integer', minimum: 0 },
        globalPlanAltitudeMode: { type: 'integer', minimum: 0 },
        vehicleType: { type: 'integer', minimum: 0 },
        cruiseSpeed: { type: 'number', exclusiveMinimum: 0 },
        hoverSpeed: { type: 'number', exclusiveMinimum: 0 },
        plannedHomePosition: { type: 'array', items: { type: 'number' }, minItems: 3, maxItems: 3 },
        items: { type: 'array', minItems: 1, items: { oneOf: [{ $ref: '#/definitions/simpleItem' }, { $ref: '#/definitions/complexItem' }] } },
      },
    },
    simpleItem: {
      type: 'object',
      required: ['type', 'autoContinue', 'command', 'doJumpId', 'frame', 'params'],
      properties: {
        type: { const: 'SimpleItem' },
        autoContinue: { type: 'boolean' },
        command: { type: 'integer', minimum: 0 },
        doJumpId: { type: 'integer', minimum: 1 },
        frame: { type: 'integer', minimum: 0 },
        params: { type: 'array', minItems: 7, maxItems: 7, items: { type: ['number', 'null'] } },
        AMSLAltAboveTerrain: { type: ['number', 'null'] },
        Altitude: { type: 'number' },
        AltitudeMode: { type: 'integer', minimum: 0 },
      },
    },
    complexItem: {
      type: 'object',
      required: ['type', 'complexItemType'],
      properties: { type: { const: 'ComplexItem' }, complexItemType: { type: 'string' } },
    },
    geoFence: {
      type: 'object',
      required: ['version', 'circles', 'polygons'],
      properties: {
        version: { const: 2 },
        circles: {
          type: 'array',
          items: {
            type: 'object',
            required: ['circle', 'inclusion', 'version'],
            properties: {
              circle: {
                type: 'object',
                required: ['center', 'radius'],
                properties: { center: { $ref: '#/definitions/latLon' }, radius: { type: 'number', exclusiveMinimum: 0 } },
              },
              inclusion: { type: 'boolean' },
              version: { const: 1 },
            },
          },
        },
        polygons: {
          type: 'array',
          items: {
            type: 'object',
            required: ['inclusion', 'polygon', 'version'],
            properties: {
              inclusion: { type: 'boolean' },
              polygon: { type: 'array', minItems: 3, items: { $ref: '#/definitions/latLon' } },
              version: { const: 1 },
            },
          },
        },
      },
    },
    rallyPoints: {
      type: 'object',
      required: ['version', 'points'],
      properties: {
        version: { const: 2 },
        points: { type: 'array', items: { type: 'array', items: { type: 'number' }, minItems: 3, maxItems: 3 } },
      },
    },
  },
} as const;
