extension OpenAPIDocument {
    /// Shared schemas, parameters and responses; closes the document.
    static let components = #"""
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
           "RoleBinding": {
            "type": "object",
            "properties": {
             "role": {
              "type": "string",
              "enum": [
               "viewer",
               "operator",
               "engineer",
               "admin"
              ]
             },
             "scope": {
              "type": [
               "string",
               "null"
              ],
              "description": "The asset subtree the role is limited to; null for all assets"
             }
            },
            "description": "A role and the asset subtree it is bound to"
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
            "required": ["id", "time", "asset", "kind", "fault", "severity", "confidence", "title", "explanation", "evidence", "recommendedAction", "state", "clearedAt", "updatedAt", "severityHistory"],
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
             "clearedAt": {"type": ["string", "null"], "format": "date-time"},
             "updatedAt": {"type": ["string", "null"], "format": "date-time", "description": "When severity, confidence, evidence or explanation were last revised as the fault grew or shrank"},
             "severityHistory": {
              "type": "array",
              "description": "Every severity the event has had, oldest first: the one it was raised with, then each change",
              "items": {
               "type": "object",
               "required": ["time", "severity"],
               "properties": {"time": {"type": "string", "format": "date-time"}, "severity": {"type": "string"}}
              }
             }
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
               "description": "A sample with the tag it belongs to",
               "allOf": [
                {
                 "$ref": "#/components/schemas/Sample"
                },
                {
                 "type": "object",
                 "required": [
                  "tag"
                 ],
                 "properties": {
                  "tag": {
                   "type": "string"
                  }
                 }
                }
               ]
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
           },
           "Unauthenticated": {
            "description": "No valid credential: log in (session cookie) or send an API token",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "Forbidden": {
            "description": "The credential does not grant this on this asset (code forbidden, csrfFailed or mfaEnrollmentRequired); the message says which role and scope it would take",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           }
          },
          "securitySchemes": {
           "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token (mr_api_..., millrace token create) or a service account token (mr_svc_...)"
           },
           "session": {
            "type": "apiKey",
            "in": "cookie",
            "name": "mr_session",
            "description": "The browser session from POST /api/v1/auth/login; state-changing requests also need the X-CSRF-Token header"
           }
          }
         }
        }
        """#
}
