extension OpenAPIDocument {
    /// First-start setup, login, logout, who am I, authenticator enrollment and the login page (no credential needed
    /// for setup, login and the page; ADR 0015).
    static let authPaths = #"""
          "/api/v1/auth/setup": {
           "get": {
            "operationId": "getSetupStatus",
            "summary": "Whether the first administrator still has to be created",
            "tags": [
             "auth"
            ],
            "security": [],
            "parameters": [],
            "responses": {
             "200": {
              "description": "Setup status",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "setupRequired"
                 ],
                 "additionalProperties": false,
                 "properties": {
                  "setupRequired": {
                   "type": "boolean"
                  }
                 }
                }
               }
              }
             }
            }
           },
           "post": {
            "operationId": "completeSetup",
            "summary": "Create the first administrator with the one-time setup token printed on the console at first start",
            "tags": [
             "auth"
            ],
            "security": [],
            "parameters": [],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "required": [
                 "token",
                 "username",
                 "password"
                ],
                "additionalProperties": false,
                "properties": {
                 "token": {
                  "type": "string"
                 },
                 "username": {
                  "type": "string"
                 },
                 "password": {
                  "type": "string"
                 }
                }
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The administrator",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "properties": {
                  "username": {
                   "type": "string"
                  },
                  "roles": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/RoleBinding"
                   }
                  },
                  "mfaEnrolled": {
                   "type": "boolean"
                  }
                 }
                }
               }
              }
             },
             "400": {
              "description": "Weak password or malformed name",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Error"
                }
               }
              }
             },
             "401": {
              "description": "Wrong, used or expired setup token",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Error"
                }
               }
              }
             },
             "409": {
              "description": "Setup is complete",
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
          },
          "/api/v1/auth/login": {
           "post": {
            "operationId": "login",
            "summary": "Log in: sets the mr_session (HttpOnly, SameSite=Strict, Secure under TLS) and mr_csrf cookies",
            "tags": [
             "auth"
            ],
            "security": [],
            "parameters": [],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "required": [
                 "username",
                 "password"
                ],
                "additionalProperties": false,
                "properties": {
                 "username": {
                  "type": "string"
                 },
                 "password": {
                  "type": "string"
                 },
                 "totp": {
                  "type": "string"
                 },
                 "recoveryCode": {
                  "type": "string"
                 }
                }
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "Logged in",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "properties": {
                  "username": {
                   "type": "string"
                  },
                  "roles": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/RoleBinding"
                   }
                  },
                  "csrfToken": {
                   "type": "string"
                  },
                  "mfaVerified": {
                   "type": "boolean"
                  },
                  "mfaEnrollmentRequired": {
                   "type": "boolean"
                  },
                  "expiresAt": {
                   "type": "string",
                   "format": "date-time"
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "description": "Wrong credentials (code invalidCredentials) or a second factor needed (code mfaRequired)",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Error"
                }
               }
              }
             },
             "413": {
              "description": "Body too large",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Error"
                }
               }
              }
             },
             "429": {
              "description": "Locked out for a while after repeated failures (Retry-After)",
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
          },
          "/api/v1/auth/logout": {
           "post": {
            "operationId": "logout",
            "summary": "End this session (needs X-CSRF-Token with a session cookie)",
            "tags": [
             "auth"
            ],
            "parameters": [],
            "responses": {
             "204": {
              "description": "Logged out"
             },
             "401": {
              "$ref": "#/components/responses/Unauthenticated"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             }
            }
           }
          },
          "/api/v1/auth/me": {
           "get": {
            "operationId": "me",
            "summary": "Who the credential acts as, its roles, and a fresh CSRF token for a session",
            "tags": [
             "auth"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "The principal",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "properties": {
                  "kind": {
                   "type": "string"
                  },
                  "id": {
                   "type": "string"
                  },
                  "roles": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/RoleBinding"
                   }
                  },
                  "scopes": {
                   "type": [
                    "array",
                    "null"
                   ],
                   "items": {
                    "type": "string"
                   }
                  },
                  "csrfToken": {
                   "type": [
                    "string",
                    "null"
                   ]
                  },
                  "mfaEnrollmentRequired": {
                   "type": "boolean"
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthenticated"
             }
            }
           }
          },
          "/api/v1/auth/mfa/enroll": {
           "post": {
            "operationId": "enrollMFA",
            "summary": "Start TOTP enrollment (RFC 6238) for the logged-in user: the secret and an otpauth URI",
            "tags": [
             "auth"
            ],
            "parameters": [],
            "responses": {
             "200": {
              "description": "The new secret",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "secret",
                  "otpauthURI"
                 ],
                 "additionalProperties": false,
                 "properties": {
                  "secret": {
                   "type": "string"
                  },
                  "otpauthURI": {
                   "type": "string"
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthenticated"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             }
            }
           }
          },
          "/api/v1/auth/mfa/confirm": {
           "post": {
            "operationId": "confirmMFA",
            "summary": "Confirm enrollment with a current code; returns ten one-time recovery codes, shown once",
            "tags": [
             "auth"
            ],
            "parameters": [],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "required": [
                 "code"
                ],
                "additionalProperties": false,
                "properties": {
                 "code": {
                  "type": "string"
                 }
                }
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "Enrolled",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "recoveryCodes"
                 ],
                 "additionalProperties": false,
                 "properties": {
                  "recoveryCodes": {
                   "type": "array",
                   "items": {
                    "type": "string"
                   }
                  }
                 }
                }
               }
              }
             },
             "400": {
              "description": "Wrong code",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Error"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthenticated"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             }
            }
           }
          },
          "/login": {
           "get": {
            "operationId": "loginPage",
            "summary": "The web UI's login page (also first-start setup and authenticator enrollment)",
            "tags": [
             "web"
            ],
            "security": [],
            "parameters": [],
            "responses": {
             "200": {
              "description": "The login page",
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
        """#

    /// Writes to devices (off unless a tag is configured writable; issue #7's OT-safety gate).
    static let devicePaths = #"""
          "/api/v1/tags/{id}/write": {
           "post": {
            "operationId": "writeTag",
            "summary": "Write a value to the tag's device: the tag must be configured writable, the caller must hold writeDevices on its asset, and a reason is required; audited before it is sent",
            "tags": [
             "tags"
            ],
            "parameters": [
             {
              "$ref": "#/components/parameters/tagId"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "required": [
                 "value",
                 "reason"
                ],
                "additionalProperties": false,
                "properties": {
                 "value": {
                  "description": "A number for numeric tags, true/false (or 0/1) for booleans, text for string tags",
                  "oneOf": [
                   {
                    "type": "number"
                   },
                   {
                    "type": "boolean"
                   },
                   {
                    "type": "string"
                   }
                  ]
                 },
                 "reason": {
                  "type": "string",
                  "description": "Why, for the audit trail (at most 500 characters)"
                 }
                }
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "Written",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "properties": {
                  "tag": {
                   "type": "string"
                  },
                  "value": {
                   "description": "A number for numeric tags, true/false (or 0/1) for booleans, text for string tags",
                   "oneOf": [
                    {
                     "type": "number"
                    },
                    {
                     "type": "boolean"
                    },
                    {
                     "type": "string"
                    }
                   ]
                  },
                  "written": {
                   "type": "boolean"
                  },
                  "reason": {
                   "type": "string"
                  }
                 }
                }
               }
              }
             },
             "400": {
              "description": "Malformed body or a value of the wrong type",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Error"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthenticated"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "502": {
              "description": "The device refused the write",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Error"
                }
               }
              }
             },
             "503": {
              "description": "The device is not connected, or the audit trail cannot be written (then nothing is written)",
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
          },
        """#
}
