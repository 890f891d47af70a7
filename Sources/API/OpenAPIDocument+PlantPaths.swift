extension OpenAPIDocument {
    /// The plant: assets, connections, events and the live stream.
    static let plantPaths = #"""
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
        """#
}
