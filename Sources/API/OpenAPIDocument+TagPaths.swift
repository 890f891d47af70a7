extension OpenAPIDocument {
    /// Tags and their history: list, detail, samples, aggregates, interpolated values, plot.
    static let tagPaths = #"""
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
        """#
}
