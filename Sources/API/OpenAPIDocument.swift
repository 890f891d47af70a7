/// The OpenAPI 3.1 document of the HTTP API, served at `GET /api/v1/openapi.json`. Written by hand; the tests
/// validate it with openapi-spec-validator and check that every route of the router is in it.
enum OpenAPIDocument {
    static let json = #"""
        {
         "openapi": "3.1.0",
         "info": {
          "title": "Millrace HTTP API",
          "version": "1.0.0",
          "description": "Tags, history, the plant hierarchy, connections and live values of a Millrace installation. Times are ISO 8601 in UTC with Z; numbers that are NaN or infinite are null with the quality telling why; every error has the Error form.",
          "license": {
           "name": "Apache-2.0",
           "identifier": "Apache-2.0"
          }
         },
         "servers": [
          {
           "url": "/"
          }
         ],
         "tags": [
          {
           "name": "platform"
          },
          {
           "name": "tags"
          },
          {
           "name": "history"
          },
          {
           "name": "assets"
          },
          {
           "name": "connections"
          },
          {
           "name": "live"
          },
          {
           "name": "simulator"
          },
          {
           "name": "web"
          }
         ],
         "paths": {
          "/healthz": {
           "get": {
            "operationId": "health",
            "summary": "Liveness: version and uptime",
            "tags": [
             "platform"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "Running",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Health"
                }
               }
              }
             }
            }
           }
          },
          "/metrics": {
           "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics of the platform itself",
            "tags": [
             "platform"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "Prometheus text format 0.0.4",
              "content": {
               "text/plain": {
                "schema": {
                 "type": "string"
                }
               }
              }
             }
            }
           }
          },
          "/api/v1/openapi.json": {
           "get": {
            "operationId": "openAPI",
            "summary": "This document",
            "tags": [
             "platform"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "OpenAPI 3.1",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             }
            }
           }
          },
          "/api/v1/tags": {
           "get": {
            "operationId": "listTags",
            "summary": "Tags with their current values, searchable, in pages",
            "tags": [
             "tags"
            ],
            "parameters": [
             {
              "name": "search",
              "in": "query",
              "required": false,
              "description": "Case-insensitive text in the id, name or description (at most 200 characters)",
              "schema": {
               "type": "string",
               "maxLength": 200
              }
             },
             {
              "name": "asset",
              "in": "query",
              "required": false,
              "description": "Only tags in this asset subtree (a path such as demo/packaging/line-1)",
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "description": "Tags per page, 1 to 10000 (default 1000)",
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 10000,
               "default": 1000
              }
             },
             {
              "name": "cursor",
              "in": "query",
              "required": false,
              "description": "The next value of the previous page, unchanged",
              "schema": {
               "type": "string"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "A page of tags in id order",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/TagList"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/tags/{id}": {
           "get": {
            "operationId": "getTag",
            "summary": "One tag with its current value",
            "tags": [
             "tags"
            ],
            "parameters": [
             {
              "$ref": "#/components/parameters/tagId"
             }
            ],
            "responses": {
             "200": {
              "description": "The tag",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Tag"
                }
               }
              }
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/tags/{id}/samples": {
           "get": {
            "operationId": "getSamples",
            "summary": "Raw samples in a range, in pages",
            "tags": [
             "history"
            ],
            "parameters": [
             {
              "$ref": "#/components/parameters/tagId"
             },
             {
              "$ref": "#/components/parameters/from"
             },
             {
              "$ref": "#/components/parameters/to"
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "description": "At most this many samples (1 to 100000, default 10000); follow next for more",
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 100000
              }
             }
            ],
            "responses": {
             "200": {
              "description": "Samples in time order",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Samples"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/tags/{id}/aggregates": {
           "get": {
            "operationId": "getAggregates",
            "summary": "Aggregates per interval",
            "tags": [
             "history"
            ],
            "parameters": [
             {
              "$ref": "#/components/parameters/tagId"
             },
             {
              "$ref": "#/components/parameters/from"
             },
             {
              "$ref": "#/components/parameters/to"
             },
             {
              "$ref": "#/components/parameters/interval"
             },
             {
              "name": "kind",
              "in": "query",
              "required": false,
              "description": "The aggregate (default timeWeightedAverage)",
              "schema": {
               "type": "string",
               "enum": [
                "count",
                "min",
                "max",
                "mean",
                "timeWeightedAverage",
                "stddev",
                "first",
                "last",
                "delta",
                "integral",
                "integralPerHour",
                "percentGood",
                "range"
               ]
              }
             },
             {
              "name": "quality",
              "in": "query",
              "required": false,
              "description": "Which samples count (default good)",
              "schema": {
               "type": "string",
               "enum": [
                "good",
                "uncertain",
                "all"
               ]
              }
             },
             {
              "$ref": "#/components/parameters/format"
             }
            ],
            "responses": {
             "200": {
              "description": "One bucket per interval",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Aggregates"
                }
               },
               "text/csv": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/tags/{id}/interpolated": {
           "get": {
            "operationId": "getInterpolated",
            "summary": "Values at a fixed step",
            "tags": [
             "history"
            ],
            "parameters": [
             {
              "$ref": "#/components/parameters/tagId"
             },
             {
              "$ref": "#/components/parameters/from"
             },
             {
              "$ref": "#/components/parameters/to"
             },
             {
              "$ref": "#/components/parameters/interval"
             },
             {
              "$ref": "#/components/parameters/format"
             }
            ],
            "responses": {
             "200": {
              "description": "One value per step",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Interpolated"
                }
               },
               "text/csv": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/tags/{id}/plot": {
           "get": {
            "operationId": "getPlot",
            "summary": "A series downsampled for a chart of a given width",
            "tags": [
             "history"
            ],
            "parameters": [
             {
              "$ref": "#/components/parameters/tagId"
             },
             {
              "$ref": "#/components/parameters/from"
             },
             {
              "$ref": "#/components/parameters/to"
             },
             {
              "name": "pixels",
              "in": "query",
              "required": false,
              "description": "Chart width, 1 to 10000 (default 1000)",
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 10000
              }
             },
             {
              "name": "method",
              "in": "query",
              "required": false,
              "description": "Downsampling (default minMax)",
              "schema": {
               "type": "string",
               "enum": [
                "minMax",
                "lttb"
               ]
              }
             },
             {
              "$ref": "#/components/parameters/format"
             }
            ],
            "responses": {
             "200": {
              "description": "Plot points",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Plot"
                }
               },
               "text/csv": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/assets": {
           "get": {
            "operationId": "getAssetTree",
            "summary": "The plant hierarchy with health and counts",
            "tags": [
             "assets"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "Sites, areas, lines, cells and assets",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/AssetTree"
                }
               }
              }
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/assets/{path}": {
           "get": {
            "operationId": "getAsset",
            "summary": "One node of the hierarchy in detail",
            "tags": [
             "assets"
            ],
            "parameters": [
             {
              "name": "path",
              "in": "path",
              "required": true,
              "description": "The slash-separated asset path, such as demo/packaging/line-1/conveyor (the slashes are part of the path, not encoded)",
              "schema": {
               "type": "string"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "The node",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/AssetDetail"
                }
               }
              }
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/connections": {
           "get": {
            "operationId": "listConnections",
            "summary": "Every connection with its state, last contact and last error",
            "tags": [
             "connections"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "Connections in configuration order",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/ConnectionList"
                }
               }
              }
             }
            }
           }
          },
          "/api/v1/events": {
           "get": {
            "operationId": "listEvents",
            "summary": "Condition-monitoring findings and anomalies, newest first",
            "tags": ["events"],
            "parameters": [
             {"name": "asset", "in": "query", "required": false, "description": "Only events of this asset path and the assets below it", "schema": {"type": "string"}},
             {"name": "from", "in": "query", "required": false, "description": "Raised at or after (ISO 8601 with a zone, or now-DURATION)", "schema": {"type": "string"}},
             {"name": "to", "in": "query", "required": false, "description": "Raised before (ISO 8601 with a zone, or now-DURATION)", "schema": {"type": "string"}},
             {"name": "state", "in": "query", "required": false, "description": "open, cleared or all (default all)", "schema": {"type": "string", "enum": ["open", "cleared", "all"]}},
             {"name": "limit", "in": "query", "required": false, "description": "At most this many events (1-10000, default 100)", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}
            ],
            "responses": {
             "200": {"description": "Events, newest first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventList"}}}},
             "400": {"$ref": "#/components/responses/BadRequest"},
             "503": {"$ref": "#/components/responses/Unavailable"}
            }
           }
          },
          "/api/v1/stream": {
           "get": {
            "operationId": "streamSamples",
            "summary": "Live samples as Server-Sent Events",
            "tags": [
             "live"
            ],
            "parameters": [
             {
              "name": "tags",
              "in": "query",
              "required": false,
              "description": "Comma-separated tag ids (not with asset)",
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "asset",
              "in": "query",
              "required": false,
              "description": "An asset path: the samples of its subtree (not with tags)",
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "maxEvents",
              "in": "query",
              "required": false,
              "description": "Close the stream after this many samples events",
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 1000000
              }
             }
            ],
            "responses": {
             "200": {
              "description": "An endless text/event-stream: `event: samples` with data LiveSamples as samples are ingested (at most about 10 events per second), `event: overflow` with data Overflow when this client fell behind and its oldest samples were dropped (refetch current values), and a `: keepalive` comment every 15 s.",
              "content": {
               "text/event-stream": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/simulator/ground-truth": {
           "get": {
            "operationId": "getGroundTruth",
            "summary": "The built-in simulator's developing faults (CSV)",
            "tags": [
             "simulator"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "Onset, growth and failure time of each fault",
              "content": {
               "text/csv": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            }
           }
          },
          "/": {
           "get": {
            "operationId": "webUI",
            "summary": "The web dashboard",
            "tags": [
             "web"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "The single-page app",
              "content": {
               "text/html": {
                "schema": {
                 "type": "string"
                }
               }
              }
             }
            }
           }
          },
          "/{page}": {
           "get": {
            "operationId": "webUIPage",
            "summary": "The web dashboard at a client-side route (/assets/..., /trends, /connections)",
            "tags": [
             "web"
            ],
            "parameters": [
             {
              "name": "page",
              "in": "path",
              "required": true,
              "description": "Any path outside /api/, /metrics and /healthz; may contain slashes",
              "schema": {
               "type": "string"
              }
             }
            ],
            "responses": {
             "200": {
              "description": "The single-page app, or one of its files",
              "content": {
               "text/html": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            }
           }
          }
         },
         "components": {
          "schemas": {
           "Error": {
            "type": "object",
            "required": [
             "status",
             "code",
             "message"
            ],
            "additionalProperties": false,
            "properties": {
             "status": {
              "type": "integer",
              "description": "The HTTP status, repeated"
             },
             "code": {
              "type": "string",
              "description": "Stable for programs: unknownTag, unknownAsset, invalidTime, invalidRange, invalidParameter, invalidCursor, tooManyPoints, kindMismatch, notFound, noSimulator, historianUnavailable, ..."
             },
             "message": {
              "type": "string",
              "description": "What was wrong and what was expected, for a person"
             }
            }
           },
           "Quality": {
            "type": "string",
            "description": "good, uncertain or bad, with a sub-status after a colon (bad:communicationFailure)",
            "examples": [
             "good",
             "bad:communicationFailure"
            ]
           },
           "Sample": {
            "type": "object",
            "required": [
             "time",
             "value",
             "quality"
            ],
            "properties": {
             "time": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "value": {
              "description": "The value: number, integer, boolean or string; null when the number is NaN or infinite or missing in a gap (the quality says why).",
              "type": [
               "number",
               "integer",
               "boolean",
               "string",
               "null"
              ]
             },
             "quality": {
              "$ref": "#/components/schemas/Quality"
             }
            }
           },
           "Tag": {
            "type": "object",
            "required": [
             "id",
             "name",
             "description",
             "asset",
             "kind",
             "unit",
             "connection",
             "current"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "description": {
              "type": "string"
             },
             "asset": {
              "type": [
               "string",
               "null"
              ],
              "description": "The asset path, such as demo/packaging/line-1/conveyor"
             },
             "kind": {
              "type": "string",
              "enum": [
               "double",
               "integer",
               "bool",
               "string"
              ]
             },
             "unit": {
              "type": "string"
             },
             "connection": {
              "type": [
               "string",
               "null"
              ]
             },
             "current": {
              "oneOf": [
               {
                "$ref": "#/components/schemas/Sample"
               },
               {
                "type": "null"
               }
              ],
              "description": "The newest stored value, null before the first"
             }
            }
           },
           "TagList": {
            "type": "object",
            "required": [
             "enterprise",
             "serverTime",
             "tags",
             "next"
            ],
            "properties": {
             "enterprise": {
              "type": "string"
             },
             "serverTime": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "tags": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Tag"
              }
             },
             "next": {
              "type": [
               "string",
               "null"
              ],
              "description": "The cursor of the next page; null on the last page"
             }
            }
           },
           "Samples": {
            "type": "object",
            "required": [
             "tag",
             "from",
             "to",
             "samples"
            ],
            "properties": {
             "tag": {
              "type": "string"
             },
             "from": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "to": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "samples": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Sample"
              }
             },
             "next": {
              "type": [
               "string",
               "null"
              ],
              "description": "Set when limit cut the answer short: the from of the next page"
             }
            }
           },
           "Bucket": {
            "type": "object",
            "required": [
             "start",
             "end",
             "value",
             "count",
             "percentGood",
             "quality"
            ],
            "properties": {
             "start": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "end": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "value": {
              "description": "The value: number, integer, boolean or string; null when the number is NaN or infinite or missing in a gap (the quality says why).",
              "type": [
               "number",
               "integer",
               "boolean",
               "string",
               "null"
              ]
             },
             "count": {
              "type": "integer"
             },
             "percentGood": {
              "type": "number"
             },
             "quality": {
              "$ref": "#/components/schemas/Quality"
             }
            }
           },
           "Aggregates": {
            "type": "object",
            "required": [
             "tag",
             "from",
             "to",
             "interval",
             "kind",
             "unit",
             "buckets"
            ],
            "properties": {
             "tag": {
              "type": "string"
             },
             "from": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "to": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "interval": {
              "type": "string"
             },
             "kind": {
              "type": "string"
             },
             "unit": {
              "type": "string"
             },
             "buckets": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Bucket"
              }
             }
            }
           },
           "Interpolated": {
            "type": "object",
            "required": [
             "tag",
             "from",
             "to",
             "interval",
             "values"
            ],
            "properties": {
             "tag": {
              "type": "string"
             },
             "from": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "to": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "interval": {
              "type": "string"
             },
             "values": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Sample"
              }
             }
            }
           },
           "Plot": {
            "type": "object",
            "required": [
             "tag",
             "from",
             "to",
             "method",
             "unit",
             "points"
            ],
            "properties": {
             "tag": {
              "type": "string"
             },
             "from": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "to": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "method": {
              "type": "string",
              "enum": [
               "minMax",
               "lttb"
              ]
             },
             "unit": {
              "type": "string"
             },
             "points": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Sample"
              }
             }
            }
           },
           "Health": {
            "type": "object",
            "required": [
             "status",
             "version",
             "serverTime",
             "uptimeSeconds"
            ],
            "properties": {
             "status": {
              "type": "string",
              "enum": [
               "ok"
              ]
             },
             "version": {
              "type": "string"
             },
             "serverTime": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "uptimeSeconds": {
              "type": "integer"
             }
            }
           },
           "AssetHealth": {
            "type": "string",
            "enum": [
             "good",
             "warning",
             "bad",
             "stale",
             "unknown"
            ],
            "description": "bad if any tag's current quality is bad, warning if any is uncertain, stale if no tag was updated within the stale horizon, unknown before the first value, else good; a node above the assets takes the worst of its children (bad > warning > stale > good > unknown)"
           },
           "Level": {
            "type": "string",
            "enum": [
             "site",
             "area",
             "line",
             "cell",
             "asset"
            ]
           },
           "AssetNode": {
            "type": "object",
            "required": [
             "path",
             "id",
             "name",
             "level",
             "type",
             "health",
             "tagCount",
             "badTags",
             "activeAlarms"
            ],
            "properties": {
             "path": {
              "type": "string",
              "examples": [
               "demo/packaging/line-1/conveyor"
              ]
             },
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "level": {
              "$ref": "#/components/schemas/Level"
             },
             "type": {
              "type": [
               "string",
               "null"
              ],
              "description": "The asset type (motor, pump, ...); null above the assets"
             },
             "health": {
              "$ref": "#/components/schemas/AssetHealth"
             },
             "tagCount": {
              "type": "integer",
              "description": "Tags in the subtree"
             },
             "badTags": {
              "type": "integer",
              "description": "Tags in the subtree whose current value is bad"
             },
             "activeAlarms": {
              "type": "integer",
              "description": "Active alarms in the subtree (0 until alarms exist)"
             },
             "children": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/AssetNode"
              },
              "description": "Left out where the node is not expanded"
             }
            }
           },
           "AssetTree": {
            "type": "object",
            "required": [
             "enterprise",
             "serverTime",
             "nodes"
            ],
            "properties": {
             "enterprise": {
              "type": "string"
             },
             "serverTime": {
              "type": "string",
              "format": "date-time",
              "description": "ISO 8601 in UTC with Z"
             },
             "nodes": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/AssetNode"
              }
             }
            }
           },
           "AssetTemplate": {
            "type": "object",
            "required": [
             "type",
             "tags",
             "missing"
            ],
            "properties": {
             "type": {
              "type": "string"
             },
             "tags": {
              "type": "array",
              "items": {
               "type": "string"
              },
              "description": "Expected tag names (the last part of a tag id)"
             },
             "missing": {
              "type": "array",
              "items": {
               "type": "string"
              },
              "description": "Expected tags the asset does not have"
             }
            }
           },
           "AssetDetail": {
            "type": "object",
            "required": [
             "path",
             "id",
             "name",
             "level",
             "type",
             "description",
             "nameplate",
             "template",
             "health",
             "tags",
             "children",
             "findings"
            ],
            "properties": {
             "path": {
              "type": "string"
             },
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "level": {
              "$ref": "#/components/schemas/Level"
             },
             "type": {
              "type": [
               "string",
               "null"
              ]
             },
             "description": {
              "type": "string"
             },
             "nameplate": {
              "type": "object",
              "additionalProperties": {
               "type": "string"
              }
             },
             "template": {
              "oneOf": [
               {
                "$ref": "#/components/schemas/AssetTemplate"
               },
               {
                "type": "null"
               }
              ]
             },
             "health": {
              "$ref": "#/components/schemas/AssetHealth"
             },
             "tagCount": {
              "type": "integer"
             },
             "badTags": {
              "type": "integer"
             },
             "activeAlarms": {
              "type": "integer"
             },
             "tags": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Tag"
              },
              "description": "The node's own tags with current values"
             },
             "children": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/AssetNode"
              },
              "description": "Children without grandchildren"
             },
             "findings": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Event"
              },
              "description": "Open condition-monitoring findings of the node and the assets below it, newest first"
             }
            }
           },
           "Connection": {
            "type": "object",
            "required": [
             "name",
             "title",
             "protocol",
             "endpoint",
             "state",
             "lastContact",
             "lastError",
             "lastErrorTime",
             "tagCount",
             "samplesRead"
            ],
            "properties": {
             "name": {
              "type": "string",
              "description": "The connection id, as tags name it"
             },
             "title": {
              "type": "string",
              "description": "The display name"
             },
             "protocol": {
              "type": "string",
              "examples": [
               "simulator",
               "modbus-tcp",
               "modbus-rtu-over-tcp"
              ]
             },
             "endpoint": {
              "type": "string"
             },
             "state": {
              "type": "string",
              "enum": [
               "connected",
               "connecting",
               "disconnected",
               "failed",
               "disabled"
              ]
             },
             "lastContact": {
              "type": [
               "string",
               "null"
              ],
              "format": "date-time"
             },
             "lastError": {
              "type": [
               "string",
               "null"
              ]
             },
             "lastErrorTime": {
              "type": [
               "string",
               "null"
              ],
              "format": "date-time"
             },
             "tagCount": {
              "type": "integer"
             },
             "samplesRead": {
              "type": "integer"
             }
            }
           },
           "Event": {
            "type": "object",
            "required": ["id", "time", "asset", "kind", "fault", "severity", "confidence", "title", "explanation", "evidence", "recommendedAction", "state", "clearedAt"],
            "properties": {
             "id": {"type": ["integer", "null"]},
             "time": {"type": "string", "format": "date-time", "description": "When the finding was raised"},
             "asset": {"type": "string", "description": "Asset path"},
             "kind": {"type": "string", "enum": ["finding", "anomaly"]},
             "fault": {"type": "string", "description": "Fault kind, e.g. outerRace, imbalance, cavitation"},
             "severity": {"type": "string"},
             "confidence": {"type": "number", "minimum": 0, "maximum": 1},
             "title": {"type": "string"},
             "explanation": {"type": "string", "description": "Why: which frequency, which amplitude, against which baseline"},
             "evidence": {"description": "The evidence as recorded by the diagnoser (JSON)"},
             "recommendedAction": {"type": "string"},
             "state": {"type": "string", "enum": ["open", "cleared"]},
             "clearedAt": {"type": ["string", "null"], "format": "date-time"}
            }
           },
           "EventList": {
            "type": "object",
            "required": ["serverTime", "events"],
            "properties": {
             "serverTime": {"type": "string", "format": "date-time"},
             "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}
            }
           },
           "ConnectionList": {
            "type": "object",
            "required": [
             "connections"
            ],
            "properties": {
             "connections": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Connection"
              }
             }
            }
           },
           "LiveSamples": {
            "type": "object",
            "required": [
             "samples"
            ],
            "description": "The data of a `samples` event",
            "properties": {
             "samples": {
              "type": "array",
              "items": {
               "type": "object",
               "required": [
                "tag",
                "time",
                "value",
                "quality"
               ],
               "properties": {
                "tag": {
                 "type": "string"
                },
                "time": {
                 "type": "string",
                 "format": "date-time",
                 "description": "ISO 8601 in UTC with Z"
                },
                "value": {
                 "description": "The value: number, integer, boolean or string; null when the number is NaN or infinite or missing in a gap (the quality says why).",
                 "type": [
                  "number",
                  "integer",
                  "boolean",
                  "string",
                  "null"
                 ]
                },
                "quality": {
                 "$ref": "#/components/schemas/Quality"
                }
               }
              }
             }
            }
           },
           "Overflow": {
            "type": "object",
            "required": [
             "dropped"
            ],
            "description": "The data of an `overflow` event",
            "properties": {
             "dropped": {
              "type": "integer"
             }
            }
           }
          },
          "parameters": {
           "tagId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "A tag id",
            "schema": {
             "type": "string"
            }
           },
           "from": {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "Start (inclusive): ISO 8601 with a zone, now, or now-DURATION (now-1h, now-15m). Default: an hour before to.",
            "schema": {
             "type": "string"
            }
           },
           "to": {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "End (exclusive), same forms as from. Default: now. Must be after from.",
            "schema": {
             "type": "string"
            }
           },
           "format": {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "csv for a CSV download (or send Accept: text/csv)",
            "schema": {
             "type": "string",
             "enum": [
              "json",
              "csv"
             ]
            }
           },
           "interval": {
            "name": "interval",
            "in": "query",
            "required": false,
            "description": "Bucket or step length such as 1m, 15m, 1h; at most 100000 values per request",
            "schema": {
             "type": "string"
            }
           }
          },
          "responses": {
           "BadRequest": {
            "description": "A parameter is malformed or out of range",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "NotFound": {
            "description": "Unknown tag, asset or resource",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "Unavailable": {
            "description": "The historian failed",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           }
          }
         }
        }
        """#
}
