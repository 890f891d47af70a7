/// The OpenAPI 3.1 document of the HTTP API, served at `GET /api/v1/openapi.json`. Written by hand; the tests
/// validate it with openapi-spec-validator and check that every route of the router is in it.
enum OpenAPIDocument {
    /// The whole document, assembled from its parts in order (each part is a run of lines of one JSON text).
    static let json = [preamble, platformPaths, authPaths, devicePaths, tagPaths, plantPaths, webPaths, components].joined(separator: "\n")

    /// `openapi`, `info`, `servers`, `tags` and the opening of `paths`.
    static let preamble = #"""
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
          },
          {
           "name": "auth"
          }
         ],
         "security": [
          {
           "bearer": []
          },
          {
           "session": []
          }
         ],
         "paths": {
        """#

    /// Health, metrics and this document.
    static let platformPaths = #"""
          "/healthz": {
           "get": {
            "operationId": "health",
            "summary": "Liveness: version and uptime (no credential needed)",
            "tags": [
             "platform"
            ],
            "security": [],
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
        """#

    /// The simulator ground truth and the web UI, closing `paths`.
    static let webPaths = #"""
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
        """#
}
