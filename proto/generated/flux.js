/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const flux = $root.flux = (() => {

    /**
     * Namespace flux.
     * @exports flux
     * @namespace
     */
    const flux = {};

    flux.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof flux
         * @namespace
         */
        const v1 = {};

        v1.Payload = (function() {

            /**
             * Properties of a Payload.
             * @typedef {Object} flux.v1.Payload.$Properties
             * @property {string|null} [contentType] Payload contentType
             * @property {Uint8Array|null} [data] Payload data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Payload.
             * @memberof flux.v1
             * @interface IPayload
             * @augments flux.v1.Payload.$Properties
             * @deprecated Use flux.v1.Payload.$Properties instead.
             */

            /**
             * Shape of a Payload.
             * @typedef {flux.v1.Payload.$Properties} flux.v1.Payload.$Shape
             */

            /**
             * Constructs a new Payload.
             * @memberof flux.v1
             * @classdesc Represents a Payload.
             * @constructor
             * @param {flux.v1.Payload.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Payload = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Payload contentType.
             * @member {string} contentType
             * @memberof flux.v1.Payload
             * @instance
             */
            Payload.prototype.contentType = "";

            /**
             * Payload data.
             * @member {Uint8Array} data
             * @memberof flux.v1.Payload
             * @instance
             */
            Payload.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Payload instance using the specified properties.
             * @function create
             * @memberof flux.v1.Payload
             * @static
             * @param {flux.v1.Payload.$Properties=} [properties] Properties to set
             * @returns {flux.v1.Payload} Payload instance
             * @type {{
             *   (properties: flux.v1.Payload.$Shape): flux.v1.Payload & flux.v1.Payload.$Shape;
             *   (properties?: flux.v1.Payload.$Properties): flux.v1.Payload;
             * }}
             */
            Payload.create = function(properties) {
                return new Payload(properties);
            };

            /**
             * Encodes the specified Payload message. Does not implicitly {@link flux.v1.Payload.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.Payload
             * @static
             * @param {flux.v1.Payload.$Properties} message Payload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Payload.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType") && message.contentType !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.contentType);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Payload message, length delimited. Does not implicitly {@link flux.v1.Payload.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.Payload
             * @static
             * @param {flux.v1.Payload.$Properties} message Payload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Payload.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Payload message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.Payload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.Payload & flux.v1.Payload.$Shape} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Payload.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.Payload();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.contentType = value;
                            else
                                delete message.contentType;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Payload message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.Payload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.Payload & flux.v1.Payload.$Shape} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Payload.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Payload message.
             * @function verify
             * @memberof flux.v1.Payload
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Payload.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType"))
                    if (!$util.isString(message.contentType))
                        return "contentType: string expected";
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                return null;
            };

            /**
             * Creates a Payload message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.Payload
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.Payload} Payload
             */
            Payload.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.Payload)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.Payload: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.Payload();
                if (object.contentType != null)
                    if (typeof object.contentType !== "string" || object.contentType.length)
                        message.contentType = $String(object.contentType);
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                return message;
            };

            /**
             * Creates a plain object from a Payload message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.Payload
             * @static
             * @param {flux.v1.Payload} message Payload
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Payload.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.contentType = "";
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.contentType != null && $Object.hasOwnProperty.call(message, "contentType"))
                    object.contentType = message.contentType;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            /**
             * Converts this Payload to JSON.
             * @function toJSON
             * @memberof flux.v1.Payload
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Payload.prototype.toJSON = function() {
                return Payload.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Payload
             * @function getTypeUrl
             * @memberof flux.v1.Payload
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Payload.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.Payload";
            };

            return Payload;
        })();

        v1.ErrorInfo = (function() {

            /**
             * Properties of an ErrorInfo.
             * @typedef {Object} flux.v1.ErrorInfo.$Properties
             * @property {string|null} [name] ErrorInfo name
             * @property {string|null} [message] ErrorInfo message
             * @property {string|null} [code] ErrorInfo code
             * @property {flux.v1.Payload.$Properties|null} [details] ErrorInfo details
             * @property {string|null} [stack] ErrorInfo stack
             * @property {flux.v1.ErrorInfo.$Properties|null} [cause] ErrorInfo cause
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ErrorInfo.
             * @memberof flux.v1
             * @interface IErrorInfo
             * @augments flux.v1.ErrorInfo.$Properties
             * @deprecated Use flux.v1.ErrorInfo.$Properties instead.
             */

            /**
             * Shape of an ErrorInfo.
             * @typedef {flux.v1.ErrorInfo.$Properties} flux.v1.ErrorInfo.$Shape
             */

            /**
             * Constructs a new ErrorInfo.
             * @memberof flux.v1
             * @classdesc Represents an ErrorInfo.
             * @constructor
             * @param {flux.v1.ErrorInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ErrorInfo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ErrorInfo name.
             * @member {string} name
             * @memberof flux.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.name = "";

            /**
             * ErrorInfo message.
             * @member {string} message
             * @memberof flux.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.message = "";

            /**
             * ErrorInfo code.
             * @member {string} code
             * @memberof flux.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.code = "";

            /**
             * ErrorInfo details.
             * @member {flux.v1.Payload.$Properties|null|undefined} details
             * @memberof flux.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.details = null;

            /**
             * ErrorInfo stack.
             * @member {string} stack
             * @memberof flux.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.stack = "";

            /**
             * ErrorInfo cause.
             * @member {flux.v1.ErrorInfo.$Properties|null|undefined} cause
             * @memberof flux.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.cause = null;

            /**
             * Creates a new ErrorInfo instance using the specified properties.
             * @function create
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {flux.v1.ErrorInfo.$Properties=} [properties] Properties to set
             * @returns {flux.v1.ErrorInfo} ErrorInfo instance
             * @type {{
             *   (properties: flux.v1.ErrorInfo.$Shape): flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape;
             *   (properties?: flux.v1.ErrorInfo.$Properties): flux.v1.ErrorInfo;
             * }}
             */
            ErrorInfo.create = function(properties) {
                return new ErrorInfo(properties);
            };

            /**
             * Encodes the specified ErrorInfo message. Does not implicitly {@link flux.v1.ErrorInfo.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {flux.v1.ErrorInfo.$Properties} message ErrorInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.code);
                if (message.details != null && $Object.hasOwnProperty.call(message, "details"))
                    $root.flux.v1.Payload.encode(message.details, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.stack != null && $Object.hasOwnProperty.call(message, "stack") && message.stack !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.stack);
                if (message.cause != null && $Object.hasOwnProperty.call(message, "cause"))
                    $root.flux.v1.ErrorInfo.encode(message.cause, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ErrorInfo message, length delimited. Does not implicitly {@link flux.v1.ErrorInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {flux.v1.ErrorInfo.$Properties} message ErrorInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.ErrorInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.details = $root.flux.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.details);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stack = value;
                            else
                                delete message.stack;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.cause = $root.flux.v1.ErrorInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.cause);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ErrorInfo message.
             * @function verify
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ErrorInfo.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.details != null && $Object.hasOwnProperty.call(message, "details")) {
                    let error = $root.flux.v1.Payload.verify(message.details, _depth + 1);
                    if (error)
                        return "details." + error;
                }
                if (message.stack != null && $Object.hasOwnProperty.call(message, "stack"))
                    if (!$util.isString(message.stack))
                        return "stack: string expected";
                if (message.cause != null && $Object.hasOwnProperty.call(message, "cause")) {
                    let error = $root.flux.v1.ErrorInfo.verify(message.cause, _depth + 1);
                    if (error)
                        return "cause." + error;
                }
                return null;
            };

            /**
             * Creates an ErrorInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.ErrorInfo} ErrorInfo
             */
            ErrorInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.ErrorInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.ErrorInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.ErrorInfo();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.details != null) {
                    if (!$util.isObject(object.details))
                        throw $TypeError(".flux.v1.ErrorInfo.details: object expected");
                    message.details = $root.flux.v1.Payload.fromObject(object.details, _depth + 1);
                }
                if (object.stack != null)
                    if (typeof object.stack !== "string" || object.stack.length)
                        message.stack = $String(object.stack);
                if (object.cause != null) {
                    if (!$util.isObject(object.cause))
                        throw $TypeError(".flux.v1.ErrorInfo.cause: object expected");
                    message.cause = $root.flux.v1.ErrorInfo.fromObject(object.cause, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an ErrorInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {flux.v1.ErrorInfo} message ErrorInfo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ErrorInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.message = "";
                    object.code = "";
                    object.details = null;
                    object.stack = "";
                    object.cause = null;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.details != null && $Object.hasOwnProperty.call(message, "details"))
                    object.details = $root.flux.v1.Payload.toObject(message.details, options, _depth + 1);
                if (message.stack != null && $Object.hasOwnProperty.call(message, "stack"))
                    object.stack = message.stack;
                if (message.cause != null && $Object.hasOwnProperty.call(message, "cause"))
                    object.cause = $root.flux.v1.ErrorInfo.toObject(message.cause, options, _depth + 1);
                return object;
            };

            /**
             * Converts this ErrorInfo to JSON.
             * @function toJSON
             * @memberof flux.v1.ErrorInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ErrorInfo.prototype.toJSON = function() {
                return ErrorInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ErrorInfo
             * @function getTypeUrl
             * @memberof flux.v1.ErrorInfo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ErrorInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.ErrorInfo";
            };

            return ErrorInfo;
        })();

        v1.TaskCommand = (function() {

            /**
             * Properties of a TaskCommand.
             * @typedef {Object} flux.v1.TaskCommand.$Properties
             * @property {string|null} [executionId] TaskCommand executionId
             * @property {string|null} [taskId] TaskCommand taskId
             * @property {string|null} [taskName] TaskCommand taskName
             * @property {number|null} [attempt] TaskCommand attempt
             * @property {flux.v1.Payload.$Properties|null} [args] TaskCommand args
             * @property {flux.v1.TaskResume.$Properties|null} [resume] TaskCommand resume
             * @property {Array.<string>|null} [secretRequests] TaskCommand secretRequests
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TaskCommand.
             * @memberof flux.v1
             * @interface ITaskCommand
             * @augments flux.v1.TaskCommand.$Properties
             * @deprecated Use flux.v1.TaskCommand.$Properties instead.
             */

            /**
             * Shape of a TaskCommand.
             * @typedef {flux.v1.TaskCommand.$Properties} flux.v1.TaskCommand.$Shape
             */

            /**
             * Constructs a new TaskCommand.
             * @memberof flux.v1
             * @classdesc Represents a TaskCommand.
             * @constructor
             * @param {flux.v1.TaskCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TaskCommand = function (properties) {
                this.secretRequests = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TaskCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.TaskCommand
             * @instance
             */
            TaskCommand.prototype.executionId = "";

            /**
             * TaskCommand taskId.
             * @member {string} taskId
             * @memberof flux.v1.TaskCommand
             * @instance
             */
            TaskCommand.prototype.taskId = "";

            /**
             * TaskCommand taskName.
             * @member {string} taskName
             * @memberof flux.v1.TaskCommand
             * @instance
             */
            TaskCommand.prototype.taskName = "";

            /**
             * TaskCommand attempt.
             * @member {number} attempt
             * @memberof flux.v1.TaskCommand
             * @instance
             */
            TaskCommand.prototype.attempt = 0;

            /**
             * TaskCommand args.
             * @member {flux.v1.Payload.$Properties|null|undefined} args
             * @memberof flux.v1.TaskCommand
             * @instance
             */
            TaskCommand.prototype.args = null;

            /**
             * TaskCommand resume.
             * @member {flux.v1.TaskResume.$Properties|null|undefined} resume
             * @memberof flux.v1.TaskCommand
             * @instance
             */
            TaskCommand.prototype.resume = null;

            /**
             * TaskCommand secretRequests.
             * @member {Array.<string>} secretRequests
             * @memberof flux.v1.TaskCommand
             * @instance
             */
            TaskCommand.prototype.secretRequests = $util.emptyArray;

            /**
             * Creates a new TaskCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {flux.v1.TaskCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.TaskCommand} TaskCommand instance
             * @type {{
             *   (properties: flux.v1.TaskCommand.$Shape): flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape;
             *   (properties?: flux.v1.TaskCommand.$Properties): flux.v1.TaskCommand;
             * }}
             */
            TaskCommand.create = function(properties) {
                return new TaskCommand(properties);
            };

            /**
             * Encodes the specified TaskCommand message. Does not implicitly {@link flux.v1.TaskCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {flux.v1.TaskCommand.$Properties} message TaskCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.executionId);
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId") && message.taskId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.taskId);
                if (message.taskName != null && $Object.hasOwnProperty.call(message, "taskName") && message.taskName !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.taskName);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.attempt);
                if (message.args != null && $Object.hasOwnProperty.call(message, "args"))
                    $root.flux.v1.Payload.encode(message.args, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.resume != null && $Object.hasOwnProperty.call(message, "resume"))
                    $root.flux.v1.TaskResume.encode(message.resume, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.secretRequests != null && message.secretRequests.length)
                    for (let i = 0; i < message.secretRequests.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.secretRequests[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TaskCommand message, length delimited. Does not implicitly {@link flux.v1.TaskCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {flux.v1.TaskCommand.$Properties} message TaskCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TaskCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape} TaskCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.TaskCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.taskId = value;
                            else
                                delete message.taskId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.taskName = value;
                            else
                                delete message.taskName;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.args = $root.flux.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.args);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.resume = $root.flux.v1.TaskResume.decode(reader, reader.size(), $undefined, _depth + 1, message.resume);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.secretRequests && message.secretRequests.length))
                                message.secretRequests = [];
                            message.secretRequests.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TaskCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape} TaskCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TaskCommand message.
             * @function verify
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TaskCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId"))
                    if (!$util.isString(message.taskId))
                        return "taskId: string expected";
                if (message.taskName != null && $Object.hasOwnProperty.call(message, "taskName"))
                    if (!$util.isString(message.taskName))
                        return "taskName: string expected";
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                if (message.args != null && $Object.hasOwnProperty.call(message, "args")) {
                    let error = $root.flux.v1.Payload.verify(message.args, _depth + 1);
                    if (error)
                        return "args." + error;
                }
                if (message.resume != null && $Object.hasOwnProperty.call(message, "resume")) {
                    let error = $root.flux.v1.TaskResume.verify(message.resume, _depth + 1);
                    if (error)
                        return "resume." + error;
                }
                if (message.secretRequests != null && $Object.hasOwnProperty.call(message, "secretRequests")) {
                    if (!$Array.isArray(message.secretRequests))
                        return "secretRequests: array expected";
                    for (let i = 0; i < message.secretRequests.length; ++i)
                        if (!$util.isString(message.secretRequests[i]))
                            return "secretRequests: string[] expected";
                }
                return null;
            };

            /**
             * Creates a TaskCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.TaskCommand} TaskCommand
             */
            TaskCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.TaskCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.TaskCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.TaskCommand();
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.taskId != null)
                    if (typeof object.taskId !== "string" || object.taskId.length)
                        message.taskId = $String(object.taskId);
                if (object.taskName != null)
                    if (typeof object.taskName !== "string" || object.taskName.length)
                        message.taskName = $String(object.taskName);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.args != null) {
                    if (!$util.isObject(object.args))
                        throw $TypeError(".flux.v1.TaskCommand.args: object expected");
                    message.args = $root.flux.v1.Payload.fromObject(object.args, _depth + 1);
                }
                if (object.resume != null) {
                    if (!$util.isObject(object.resume))
                        throw $TypeError(".flux.v1.TaskCommand.resume: object expected");
                    message.resume = $root.flux.v1.TaskResume.fromObject(object.resume, _depth + 1);
                }
                if (object.secretRequests) {
                    if (!$Array.isArray(object.secretRequests))
                        throw $TypeError(".flux.v1.TaskCommand.secretRequests: array expected");
                    message.secretRequests = $Array(object.secretRequests.length);
                    for (let i = 0; i < object.secretRequests.length; ++i)
                        message.secretRequests[i] = $String(object.secretRequests[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a TaskCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {flux.v1.TaskCommand} message TaskCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.secretRequests = [];
                if (options.defaults) {
                    object.executionId = "";
                    object.taskId = "";
                    object.taskName = "";
                    object.attempt = 0;
                    object.args = null;
                    object.resume = null;
                }
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.taskName != null && $Object.hasOwnProperty.call(message, "taskName"))
                    object.taskName = message.taskName;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.args != null && $Object.hasOwnProperty.call(message, "args"))
                    object.args = $root.flux.v1.Payload.toObject(message.args, options, _depth + 1);
                if (message.resume != null && $Object.hasOwnProperty.call(message, "resume"))
                    object.resume = $root.flux.v1.TaskResume.toObject(message.resume, options, _depth + 1);
                if (message.secretRequests && message.secretRequests.length) {
                    object.secretRequests = $Array(message.secretRequests.length);
                    for (let j = 0; j < message.secretRequests.length; ++j)
                        object.secretRequests[j] = message.secretRequests[j];
                }
                return object;
            };

            /**
             * Converts this TaskCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.TaskCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskCommand.prototype.toJSON = function() {
                return TaskCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TaskCommand
             * @function getTypeUrl
             * @memberof flux.v1.TaskCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TaskCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.TaskCommand";
            };

            return TaskCommand;
        })();

        v1.TaskResume = (function() {

            /**
             * Properties of a TaskResume.
             * @typedef {Object} flux.v1.TaskResume.$Properties
             * @property {string|null} [phase] TaskResume phase
             * @property {number|Long|null} [notBeforeMs] TaskResume notBeforeMs
             * @property {flux.v1.ErrorInfo.$Properties|null} [lastError] TaskResume lastError
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TaskResume.
             * @memberof flux.v1
             * @interface ITaskResume
             * @augments flux.v1.TaskResume.$Properties
             * @deprecated Use flux.v1.TaskResume.$Properties instead.
             */

            /**
             * Shape of a TaskResume.
             * @typedef {flux.v1.TaskResume.$Properties} flux.v1.TaskResume.$Shape
             */

            /**
             * Constructs a new TaskResume.
             * @memberof flux.v1
             * @classdesc Represents a TaskResume.
             * @constructor
             * @param {flux.v1.TaskResume.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TaskResume = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TaskResume phase.
             * @member {string} phase
             * @memberof flux.v1.TaskResume
             * @instance
             */
            TaskResume.prototype.phase = "";

            /**
             * TaskResume notBeforeMs.
             * @member {number|Long} notBeforeMs
             * @memberof flux.v1.TaskResume
             * @instance
             */
            TaskResume.prototype.notBeforeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * TaskResume lastError.
             * @member {flux.v1.ErrorInfo.$Properties|null|undefined} lastError
             * @memberof flux.v1.TaskResume
             * @instance
             */
            TaskResume.prototype.lastError = null;

            /**
             * Creates a new TaskResume instance using the specified properties.
             * @function create
             * @memberof flux.v1.TaskResume
             * @static
             * @param {flux.v1.TaskResume.$Properties=} [properties] Properties to set
             * @returns {flux.v1.TaskResume} TaskResume instance
             * @type {{
             *   (properties: flux.v1.TaskResume.$Shape): flux.v1.TaskResume & flux.v1.TaskResume.$Shape;
             *   (properties?: flux.v1.TaskResume.$Properties): flux.v1.TaskResume;
             * }}
             */
            TaskResume.create = function(properties) {
                return new TaskResume(properties);
            };

            /**
             * Encodes the specified TaskResume message. Does not implicitly {@link flux.v1.TaskResume.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.TaskResume
             * @static
             * @param {flux.v1.TaskResume.$Properties} message TaskResume message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskResume.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.phase != null && $Object.hasOwnProperty.call(message, "phase") && message.phase !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.phase);
                if (message.notBeforeMs != null && $Object.hasOwnProperty.call(message, "notBeforeMs") && (typeof message.notBeforeMs === "object" ? message.notBeforeMs.low || message.notBeforeMs.high : message.notBeforeMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.notBeforeMs);
                if (message.lastError != null && $Object.hasOwnProperty.call(message, "lastError"))
                    $root.flux.v1.ErrorInfo.encode(message.lastError, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TaskResume message, length delimited. Does not implicitly {@link flux.v1.TaskResume.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.TaskResume
             * @static
             * @param {flux.v1.TaskResume.$Properties} message TaskResume message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskResume.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TaskResume message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.TaskResume
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.TaskResume & flux.v1.TaskResume.$Shape} TaskResume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskResume.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.TaskResume();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.phase = value;
                            else
                                delete message.phase;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.notBeforeMs = value;
                            else
                                delete message.notBeforeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.lastError = $root.flux.v1.ErrorInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.lastError);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TaskResume message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.TaskResume
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.TaskResume & flux.v1.TaskResume.$Shape} TaskResume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskResume.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TaskResume message.
             * @function verify
             * @memberof flux.v1.TaskResume
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TaskResume.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.phase != null && $Object.hasOwnProperty.call(message, "phase"))
                    if (!$util.isString(message.phase))
                        return "phase: string expected";
                if (message.notBeforeMs != null && $Object.hasOwnProperty.call(message, "notBeforeMs"))
                    if (!$util.isInteger(message.notBeforeMs) && !(message.notBeforeMs && $util.isInteger(message.notBeforeMs.low) && $util.isInteger(message.notBeforeMs.high)))
                        return "notBeforeMs: integer|Long expected";
                if (message.lastError != null && $Object.hasOwnProperty.call(message, "lastError")) {
                    let error = $root.flux.v1.ErrorInfo.verify(message.lastError, _depth + 1);
                    if (error)
                        return "lastError." + error;
                }
                return null;
            };

            /**
             * Creates a TaskResume message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.TaskResume
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.TaskResume} TaskResume
             */
            TaskResume.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.TaskResume)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.TaskResume: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.TaskResume();
                if (object.phase != null)
                    if (typeof object.phase !== "string" || object.phase.length)
                        message.phase = $String(object.phase);
                if (object.notBeforeMs != null)
                    if (typeof object.notBeforeMs === "object" ? object.notBeforeMs.low || object.notBeforeMs.high : $Number(object.notBeforeMs) !== 0)
                        if ($util.Long)
                            message.notBeforeMs = $util.Long.fromValue(object.notBeforeMs, false);
                        else if (typeof object.notBeforeMs === "string")
                            message.notBeforeMs = $parseInt(object.notBeforeMs, 10);
                        else if (typeof object.notBeforeMs === "number")
                            message.notBeforeMs = object.notBeforeMs;
                        else if (typeof object.notBeforeMs === "object")
                            message.notBeforeMs = new $util.LongBits(object.notBeforeMs.low >>> 0, object.notBeforeMs.high >>> 0).toNumber();
                if (object.lastError != null) {
                    if (!$util.isObject(object.lastError))
                        throw $TypeError(".flux.v1.TaskResume.lastError: object expected");
                    message.lastError = $root.flux.v1.ErrorInfo.fromObject(object.lastError, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TaskResume message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.TaskResume
             * @static
             * @param {flux.v1.TaskResume} message TaskResume
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskResume.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.phase = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.notBeforeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.notBeforeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.lastError = null;
                }
                if (message.phase != null && $Object.hasOwnProperty.call(message, "phase"))
                    object.phase = message.phase;
                if (message.notBeforeMs != null && $Object.hasOwnProperty.call(message, "notBeforeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.notBeforeMs = typeof message.notBeforeMs === "number" ? $BigInt(message.notBeforeMs) : $util.Long.fromBits(message.notBeforeMs.low >>> 0, message.notBeforeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.notBeforeMs === "number")
                        object.notBeforeMs = options.longs === $String ? $String(message.notBeforeMs) : message.notBeforeMs;
                    else
                        object.notBeforeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.notBeforeMs) : options.longs === $Number ? new $util.LongBits(message.notBeforeMs.low >>> 0, message.notBeforeMs.high >>> 0).toNumber() : message.notBeforeMs;
                if (message.lastError != null && $Object.hasOwnProperty.call(message, "lastError"))
                    object.lastError = $root.flux.v1.ErrorInfo.toObject(message.lastError, options, _depth + 1);
                return object;
            };

            /**
             * Converts this TaskResume to JSON.
             * @function toJSON
             * @memberof flux.v1.TaskResume
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskResume.prototype.toJSON = function() {
                return TaskResume.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TaskResume
             * @function getTypeUrl
             * @memberof flux.v1.TaskResume
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TaskResume.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.TaskResume";
            };

            return TaskResume;
        })();

        v1.TaskResult = (function() {

            /**
             * Properties of a TaskResult.
             * @typedef {Object} flux.v1.TaskResult.$Properties
             * @property {string|null} [executionId] TaskResult executionId
             * @property {string|null} [taskId] TaskResult taskId
             * @property {number|null} [attempt] TaskResult attempt
             * @property {flux.v1.Payload.$Properties|null} [output] TaskResult output
             * @property {flux.v1.ErrorInfo.$Properties|null} [error] TaskResult error
             * @property {flux.v1.TaskProgress.$Properties|null} [progress] TaskResult progress
             * @property {"output"|"error"|"progress"} [outcome] TaskResult outcome
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TaskResult.
             * @memberof flux.v1
             * @interface ITaskResult
             * @augments flux.v1.TaskResult.$Properties
             * @deprecated Use flux.v1.TaskResult.$Properties instead.
             */

            /**
             * Narrowed shape of a TaskResult.
             * @typedef {{
             *   executionId?: string|null;
             *   taskId?: string|null;
             *   attempt?: number|null;
             *   output?: flux.v1.Payload.$Shape|null;
             *   error?: flux.v1.ErrorInfo.$Shape|null;
             *   progress?: flux.v1.TaskProgress.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ outcome?: undefined; output?: null; error?: null; progress?: null }|{ outcome?: "output"; output: flux.v1.Payload.$Shape; error?: null; progress?: null }|{ outcome?: "error"; output?: null; error: flux.v1.ErrorInfo.$Shape; progress?: null }|{ outcome?: "progress"; output?: null; error?: null; progress: flux.v1.TaskProgress.$Shape })
             * )} flux.v1.TaskResult.$Shape
             */

            /**
             * Constructs a new TaskResult.
             * @memberof flux.v1
             * @classdesc Represents a TaskResult.
             * @constructor
             * @param {flux.v1.TaskResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TaskResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TaskResult executionId.
             * @member {string} executionId
             * @memberof flux.v1.TaskResult
             * @instance
             */
            TaskResult.prototype.executionId = "";

            /**
             * TaskResult taskId.
             * @member {string} taskId
             * @memberof flux.v1.TaskResult
             * @instance
             */
            TaskResult.prototype.taskId = "";

            /**
             * TaskResult attempt.
             * @member {number} attempt
             * @memberof flux.v1.TaskResult
             * @instance
             */
            TaskResult.prototype.attempt = 0;

            /**
             * TaskResult output.
             * @member {flux.v1.Payload.$Properties|null|undefined} output
             * @memberof flux.v1.TaskResult
             * @instance
             */
            TaskResult.prototype.output = null;

            /**
             * TaskResult error.
             * @member {flux.v1.ErrorInfo.$Properties|null|undefined} error
             * @memberof flux.v1.TaskResult
             * @instance
             */
            TaskResult.prototype.error = null;

            /**
             * TaskResult progress.
             * @member {flux.v1.TaskProgress.$Properties|null|undefined} progress
             * @memberof flux.v1.TaskResult
             * @instance
             */
            TaskResult.prototype.progress = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * TaskResult outcome.
             * @member {"output"|"error"|"progress"|undefined} outcome
             * @memberof flux.v1.TaskResult
             * @instance
             */
            $Object.defineProperty(TaskResult.prototype, "outcome", {
                get: $util.oneOfGetter($oneOfFields = ["output", "error", "progress"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new TaskResult instance using the specified properties.
             * @function create
             * @memberof flux.v1.TaskResult
             * @static
             * @param {flux.v1.TaskResult.$Properties=} [properties] Properties to set
             * @returns {flux.v1.TaskResult} TaskResult instance
             * @type {{
             *   (properties: flux.v1.TaskResult.$Shape): flux.v1.TaskResult & flux.v1.TaskResult.$Shape;
             *   (properties?: flux.v1.TaskResult.$Properties): flux.v1.TaskResult;
             * }}
             */
            TaskResult.create = function(properties) {
                return new TaskResult(properties);
            };

            /**
             * Encodes the specified TaskResult message. Does not implicitly {@link flux.v1.TaskResult.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.TaskResult
             * @static
             * @param {flux.v1.TaskResult.$Properties} message TaskResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.executionId);
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId") && message.taskId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.taskId);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.output != null && $Object.hasOwnProperty.call(message, "output"))
                    $root.flux.v1.Payload.encode(message.output, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.flux.v1.ErrorInfo.encode(message.error, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress"))
                    $root.flux.v1.TaskProgress.encode(message.progress, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TaskResult message, length delimited. Does not implicitly {@link flux.v1.TaskResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.TaskResult
             * @static
             * @param {flux.v1.TaskResult.$Properties} message TaskResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TaskResult message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.TaskResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.TaskResult & flux.v1.TaskResult.$Shape} TaskResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.TaskResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.taskId = value;
                            else
                                delete message.taskId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.output = $root.flux.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.output);
                            message.outcome = "output";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.flux.v1.ErrorInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.outcome = "error";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.progress = $root.flux.v1.TaskProgress.decode(reader, reader.size(), $undefined, _depth + 1, message.progress);
                            message.outcome = "progress";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TaskResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.TaskResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.TaskResult & flux.v1.TaskResult.$Shape} TaskResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TaskResult message.
             * @function verify
             * @memberof flux.v1.TaskResult
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TaskResult.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId"))
                    if (!$util.isString(message.taskId))
                        return "taskId: string expected";
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                if (message.output != null && $Object.hasOwnProperty.call(message, "output")) {
                    properties.outcome = 1;
                    {
                        let error = $root.flux.v1.Payload.verify(message.output, _depth + 1);
                        if (error)
                            return "output." + error;
                    }
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    if (properties.outcome === 1)
                        return "outcome: multiple values";
                    properties.outcome = 1;
                    {
                        let error = $root.flux.v1.ErrorInfo.verify(message.error, _depth + 1);
                        if (error)
                            return "error." + error;
                    }
                }
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress")) {
                    if (properties.outcome === 1)
                        return "outcome: multiple values";
                    properties.outcome = 1;
                    {
                        let error = $root.flux.v1.TaskProgress.verify(message.progress, _depth + 1);
                        if (error)
                            return "progress." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a TaskResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.TaskResult
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.TaskResult} TaskResult
             */
            TaskResult.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.TaskResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.TaskResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.TaskResult();
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.taskId != null)
                    if (typeof object.taskId !== "string" || object.taskId.length)
                        message.taskId = $String(object.taskId);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.output != null) {
                    if (!$util.isObject(object.output))
                        throw $TypeError(".flux.v1.TaskResult.output: object expected");
                    message.output = $root.flux.v1.Payload.fromObject(object.output, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".flux.v1.TaskResult.error: object expected");
                    message.error = $root.flux.v1.ErrorInfo.fromObject(object.error, _depth + 1);
                }
                if (object.progress != null) {
                    if (!$util.isObject(object.progress))
                        throw $TypeError(".flux.v1.TaskResult.progress: object expected");
                    message.progress = $root.flux.v1.TaskProgress.fromObject(object.progress, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TaskResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.TaskResult
             * @static
             * @param {flux.v1.TaskResult} message TaskResult
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.executionId = "";
                    object.taskId = "";
                    object.attempt = 0;
                }
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.output != null && $Object.hasOwnProperty.call(message, "output")) {
                    object.output = $root.flux.v1.Payload.toObject(message.output, options, _depth + 1);
                    if (options.oneofs)
                        object.outcome = "output";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.flux.v1.ErrorInfo.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.outcome = "error";
                }
                if (message.progress != null && $Object.hasOwnProperty.call(message, "progress")) {
                    object.progress = $root.flux.v1.TaskProgress.toObject(message.progress, options, _depth + 1);
                    if (options.oneofs)
                        object.outcome = "progress";
                }
                return object;
            };

            /**
             * Converts this TaskResult to JSON.
             * @function toJSON
             * @memberof flux.v1.TaskResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskResult.prototype.toJSON = function() {
                return TaskResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TaskResult
             * @function getTypeUrl
             * @memberof flux.v1.TaskResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TaskResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.TaskResult";
            };

            return TaskResult;
        })();

        v1.TaskProgress = (function() {

            /**
             * Properties of a TaskProgress.
             * @typedef {Object} flux.v1.TaskProgress.$Properties
             * @property {string|null} [type] TaskProgress type
             * @property {flux.v1.Payload.$Properties|null} [value] TaskProgress value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TaskProgress.
             * @memberof flux.v1
             * @interface ITaskProgress
             * @augments flux.v1.TaskProgress.$Properties
             * @deprecated Use flux.v1.TaskProgress.$Properties instead.
             */

            /**
             * Shape of a TaskProgress.
             * @typedef {flux.v1.TaskProgress.$Properties} flux.v1.TaskProgress.$Shape
             */

            /**
             * Constructs a new TaskProgress.
             * @memberof flux.v1
             * @classdesc Represents a TaskProgress.
             * @constructor
             * @param {flux.v1.TaskProgress.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TaskProgress = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TaskProgress type.
             * @member {string} type
             * @memberof flux.v1.TaskProgress
             * @instance
             */
            TaskProgress.prototype.type = "";

            /**
             * TaskProgress value.
             * @member {flux.v1.Payload.$Properties|null|undefined} value
             * @memberof flux.v1.TaskProgress
             * @instance
             */
            TaskProgress.prototype.value = null;

            /**
             * Creates a new TaskProgress instance using the specified properties.
             * @function create
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {flux.v1.TaskProgress.$Properties=} [properties] Properties to set
             * @returns {flux.v1.TaskProgress} TaskProgress instance
             * @type {{
             *   (properties: flux.v1.TaskProgress.$Shape): flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape;
             *   (properties?: flux.v1.TaskProgress.$Properties): flux.v1.TaskProgress;
             * }}
             */
            TaskProgress.create = function(properties) {
                return new TaskProgress(properties);
            };

            /**
             * Encodes the specified TaskProgress message. Does not implicitly {@link flux.v1.TaskProgress.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {flux.v1.TaskProgress.$Properties} message TaskProgress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskProgress.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.type);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    $root.flux.v1.Payload.encode(message.value, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TaskProgress message, length delimited. Does not implicitly {@link flux.v1.TaskProgress.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {flux.v1.TaskProgress.$Properties} message TaskProgress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskProgress.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TaskProgress message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape} TaskProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskProgress.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.TaskProgress();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.value = $root.flux.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.value);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TaskProgress message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape} TaskProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskProgress.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TaskProgress message.
             * @function verify
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TaskProgress.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    if (!$util.isString(message.type))
                        return "type: string expected";
                if (message.value != null && $Object.hasOwnProperty.call(message, "value")) {
                    let error = $root.flux.v1.Payload.verify(message.value, _depth + 1);
                    if (error)
                        return "value." + error;
                }
                return null;
            };

            /**
             * Creates a TaskProgress message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.TaskProgress} TaskProgress
             */
            TaskProgress.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.TaskProgress)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.TaskProgress: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.TaskProgress();
                if (object.type != null)
                    if (typeof object.type !== "string" || object.type.length)
                        message.type = $String(object.type);
                if (object.value != null) {
                    if (!$util.isObject(object.value))
                        throw $TypeError(".flux.v1.TaskProgress.value: object expected");
                    message.value = $root.flux.v1.Payload.fromObject(object.value, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TaskProgress message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {flux.v1.TaskProgress} message TaskProgress
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskProgress.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.type = "";
                    object.value = null;
                }
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = $root.flux.v1.Payload.toObject(message.value, options, _depth + 1);
                return object;
            };

            /**
             * Converts this TaskProgress to JSON.
             * @function toJSON
             * @memberof flux.v1.TaskProgress
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskProgress.prototype.toJSON = function() {
                return TaskProgress.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TaskProgress
             * @function getTypeUrl
             * @memberof flux.v1.TaskProgress
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TaskProgress.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.TaskProgress";
            };

            return TaskProgress;
        })();

        v1.TaskRef = (function() {

            /**
             * Properties of a TaskRef.
             * @typedef {Object} flux.v1.TaskRef.$Properties
             * @property {string|null} [executionId] TaskRef executionId
             * @property {string|null} [taskId] TaskRef taskId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TaskRef.
             * @memberof flux.v1
             * @interface ITaskRef
             * @augments flux.v1.TaskRef.$Properties
             * @deprecated Use flux.v1.TaskRef.$Properties instead.
             */

            /**
             * Shape of a TaskRef.
             * @typedef {flux.v1.TaskRef.$Properties} flux.v1.TaskRef.$Shape
             */

            /**
             * Constructs a new TaskRef.
             * @memberof flux.v1
             * @classdesc Represents a TaskRef.
             * @constructor
             * @param {flux.v1.TaskRef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TaskRef = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TaskRef executionId.
             * @member {string} executionId
             * @memberof flux.v1.TaskRef
             * @instance
             */
            TaskRef.prototype.executionId = "";

            /**
             * TaskRef taskId.
             * @member {string} taskId
             * @memberof flux.v1.TaskRef
             * @instance
             */
            TaskRef.prototype.taskId = "";

            /**
             * Creates a new TaskRef instance using the specified properties.
             * @function create
             * @memberof flux.v1.TaskRef
             * @static
             * @param {flux.v1.TaskRef.$Properties=} [properties] Properties to set
             * @returns {flux.v1.TaskRef} TaskRef instance
             * @type {{
             *   (properties: flux.v1.TaskRef.$Shape): flux.v1.TaskRef & flux.v1.TaskRef.$Shape;
             *   (properties?: flux.v1.TaskRef.$Properties): flux.v1.TaskRef;
             * }}
             */
            TaskRef.create = function(properties) {
                return new TaskRef(properties);
            };

            /**
             * Encodes the specified TaskRef message. Does not implicitly {@link flux.v1.TaskRef.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.TaskRef
             * @static
             * @param {flux.v1.TaskRef.$Properties} message TaskRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskRef.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.executionId);
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId") && message.taskId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.taskId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TaskRef message, length delimited. Does not implicitly {@link flux.v1.TaskRef.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.TaskRef
             * @static
             * @param {flux.v1.TaskRef.$Properties} message TaskRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskRef.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TaskRef message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.TaskRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.TaskRef & flux.v1.TaskRef.$Shape} TaskRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskRef.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.TaskRef();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.taskId = value;
                            else
                                delete message.taskId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TaskRef message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.TaskRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.TaskRef & flux.v1.TaskRef.$Shape} TaskRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskRef.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TaskRef message.
             * @function verify
             * @memberof flux.v1.TaskRef
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TaskRef.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId"))
                    if (!$util.isString(message.taskId))
                        return "taskId: string expected";
                return null;
            };

            /**
             * Creates a TaskRef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.TaskRef
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.TaskRef} TaskRef
             */
            TaskRef.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.TaskRef)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.TaskRef: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.TaskRef();
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.taskId != null)
                    if (typeof object.taskId !== "string" || object.taskId.length)
                        message.taskId = $String(object.taskId);
                return message;
            };

            /**
             * Creates a plain object from a TaskRef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.TaskRef
             * @static
             * @param {flux.v1.TaskRef} message TaskRef
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TaskRef.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.executionId = "";
                    object.taskId = "";
                }
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId"))
                    object.taskId = message.taskId;
                return object;
            };

            /**
             * Converts this TaskRef to JSON.
             * @function toJSON
             * @memberof flux.v1.TaskRef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TaskRef.prototype.toJSON = function() {
                return TaskRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TaskRef
             * @function getTypeUrl
             * @memberof flux.v1.TaskRef
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TaskRef.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.TaskRef";
            };

            return TaskRef;
        })();

        v1.ExecutorProbe = (function() {

            /**
             * Properties of an ExecutorProbe.
             * @typedef {Object} flux.v1.ExecutorProbe.$Properties
             * @property {Array.<flux.v1.TaskRef.$Properties>|null} [calls] ExecutorProbe calls
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ExecutorProbe.
             * @memberof flux.v1
             * @interface IExecutorProbe
             * @augments flux.v1.ExecutorProbe.$Properties
             * @deprecated Use flux.v1.ExecutorProbe.$Properties instead.
             */

            /**
             * Shape of an ExecutorProbe.
             * @typedef {flux.v1.ExecutorProbe.$Properties} flux.v1.ExecutorProbe.$Shape
             */

            /**
             * Constructs a new ExecutorProbe.
             * @memberof flux.v1
             * @classdesc Represents an ExecutorProbe.
             * @constructor
             * @param {flux.v1.ExecutorProbe.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ExecutorProbe = function (properties) {
                this.calls = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ExecutorProbe calls.
             * @member {Array.<flux.v1.TaskRef.$Properties>} calls
             * @memberof flux.v1.ExecutorProbe
             * @instance
             */
            ExecutorProbe.prototype.calls = $util.emptyArray;

            /**
             * Creates a new ExecutorProbe instance using the specified properties.
             * @function create
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {flux.v1.ExecutorProbe.$Properties=} [properties] Properties to set
             * @returns {flux.v1.ExecutorProbe} ExecutorProbe instance
             * @type {{
             *   (properties: flux.v1.ExecutorProbe.$Shape): flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape;
             *   (properties?: flux.v1.ExecutorProbe.$Properties): flux.v1.ExecutorProbe;
             * }}
             */
            ExecutorProbe.create = function(properties) {
                return new ExecutorProbe(properties);
            };

            /**
             * Encodes the specified ExecutorProbe message. Does not implicitly {@link flux.v1.ExecutorProbe.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {flux.v1.ExecutorProbe.$Properties} message ExecutorProbe message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutorProbe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.calls != null && message.calls.length)
                    for (let i = 0; i < message.calls.length; ++i)
                        $root.flux.v1.TaskRef.encode(message.calls[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ExecutorProbe message, length delimited. Does not implicitly {@link flux.v1.ExecutorProbe.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {flux.v1.ExecutorProbe.$Properties} message ExecutorProbe message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutorProbe.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ExecutorProbe message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape} ExecutorProbe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutorProbe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.ExecutorProbe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.calls && message.calls.length))
                                message.calls = [];
                            message.calls.push($root.flux.v1.TaskRef.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ExecutorProbe message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape} ExecutorProbe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutorProbe.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ExecutorProbe message.
             * @function verify
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExecutorProbe.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.calls != null && $Object.hasOwnProperty.call(message, "calls")) {
                    if (!$Array.isArray(message.calls))
                        return "calls: array expected";
                    for (let i = 0; i < message.calls.length; ++i) {
                        let error = $root.flux.v1.TaskRef.verify(message.calls[i], _depth + 1);
                        if (error)
                            return "calls." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an ExecutorProbe message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.ExecutorProbe} ExecutorProbe
             */
            ExecutorProbe.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.ExecutorProbe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.ExecutorProbe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.ExecutorProbe();
                if (object.calls) {
                    if (!$Array.isArray(object.calls))
                        throw $TypeError(".flux.v1.ExecutorProbe.calls: array expected");
                    message.calls = $Array(object.calls.length);
                    for (let i = 0; i < object.calls.length; ++i) {
                        if (!$util.isObject(object.calls[i]))
                            throw $TypeError(".flux.v1.ExecutorProbe.calls: object expected");
                        message.calls[i] = $root.flux.v1.TaskRef.fromObject(object.calls[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an ExecutorProbe message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {flux.v1.ExecutorProbe} message ExecutorProbe
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExecutorProbe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.calls = [];
                if (message.calls && message.calls.length) {
                    object.calls = $Array(message.calls.length);
                    for (let j = 0; j < message.calls.length; ++j)
                        object.calls[j] = $root.flux.v1.TaskRef.toObject(message.calls[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ExecutorProbe to JSON.
             * @function toJSON
             * @memberof flux.v1.ExecutorProbe
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExecutorProbe.prototype.toJSON = function() {
                return ExecutorProbe.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ExecutorProbe
             * @function getTypeUrl
             * @memberof flux.v1.ExecutorProbe
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ExecutorProbe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.ExecutorProbe";
            };

            return ExecutorProbe;
        })();

        v1.ExecutorProbeReply = (function() {

            /**
             * Properties of an ExecutorProbeReply.
             * @typedef {Object} flux.v1.ExecutorProbeReply.$Properties
             * @property {Array.<flux.v1.TaskRef.$Properties>|null} [notRunning] ExecutorProbeReply notRunning
             * @property {flux.v1.ErrorInfo.$Properties|null} [error] ExecutorProbeReply error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ExecutorProbeReply.
             * @memberof flux.v1
             * @interface IExecutorProbeReply
             * @augments flux.v1.ExecutorProbeReply.$Properties
             * @deprecated Use flux.v1.ExecutorProbeReply.$Properties instead.
             */

            /**
             * Shape of an ExecutorProbeReply.
             * @typedef {flux.v1.ExecutorProbeReply.$Properties} flux.v1.ExecutorProbeReply.$Shape
             */

            /**
             * Constructs a new ExecutorProbeReply.
             * @memberof flux.v1
             * @classdesc Represents an ExecutorProbeReply.
             * @constructor
             * @param {flux.v1.ExecutorProbeReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ExecutorProbeReply = function (properties) {
                this.notRunning = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ExecutorProbeReply notRunning.
             * @member {Array.<flux.v1.TaskRef.$Properties>} notRunning
             * @memberof flux.v1.ExecutorProbeReply
             * @instance
             */
            ExecutorProbeReply.prototype.notRunning = $util.emptyArray;

            /**
             * ExecutorProbeReply error.
             * @member {flux.v1.ErrorInfo.$Properties|null|undefined} error
             * @memberof flux.v1.ExecutorProbeReply
             * @instance
             */
            ExecutorProbeReply.prototype.error = null;

            /**
             * Creates a new ExecutorProbeReply instance using the specified properties.
             * @function create
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {flux.v1.ExecutorProbeReply.$Properties=} [properties] Properties to set
             * @returns {flux.v1.ExecutorProbeReply} ExecutorProbeReply instance
             * @type {{
             *   (properties: flux.v1.ExecutorProbeReply.$Shape): flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape;
             *   (properties?: flux.v1.ExecutorProbeReply.$Properties): flux.v1.ExecutorProbeReply;
             * }}
             */
            ExecutorProbeReply.create = function(properties) {
                return new ExecutorProbeReply(properties);
            };

            /**
             * Encodes the specified ExecutorProbeReply message. Does not implicitly {@link flux.v1.ExecutorProbeReply.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {flux.v1.ExecutorProbeReply.$Properties} message ExecutorProbeReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutorProbeReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.notRunning != null && message.notRunning.length)
                    for (let i = 0; i < message.notRunning.length; ++i)
                        $root.flux.v1.TaskRef.encode(message.notRunning[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.flux.v1.ErrorInfo.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ExecutorProbeReply message, length delimited. Does not implicitly {@link flux.v1.ExecutorProbeReply.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {flux.v1.ExecutorProbeReply.$Properties} message ExecutorProbeReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutorProbeReply.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ExecutorProbeReply message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape} ExecutorProbeReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutorProbeReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.ExecutorProbeReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.notRunning && message.notRunning.length))
                                message.notRunning = [];
                            message.notRunning.push($root.flux.v1.TaskRef.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.flux.v1.ErrorInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ExecutorProbeReply message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape} ExecutorProbeReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutorProbeReply.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ExecutorProbeReply message.
             * @function verify
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExecutorProbeReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.notRunning != null && $Object.hasOwnProperty.call(message, "notRunning")) {
                    if (!$Array.isArray(message.notRunning))
                        return "notRunning: array expected";
                    for (let i = 0; i < message.notRunning.length; ++i) {
                        let error = $root.flux.v1.TaskRef.verify(message.notRunning[i], _depth + 1);
                        if (error)
                            return "notRunning." + error;
                    }
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    let error = $root.flux.v1.ErrorInfo.verify(message.error, _depth + 1);
                    if (error)
                        return "error." + error;
                }
                return null;
            };

            /**
             * Creates an ExecutorProbeReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.ExecutorProbeReply} ExecutorProbeReply
             */
            ExecutorProbeReply.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.ExecutorProbeReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.ExecutorProbeReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.ExecutorProbeReply();
                if (object.notRunning) {
                    if (!$Array.isArray(object.notRunning))
                        throw $TypeError(".flux.v1.ExecutorProbeReply.notRunning: array expected");
                    message.notRunning = $Array(object.notRunning.length);
                    for (let i = 0; i < object.notRunning.length; ++i) {
                        if (!$util.isObject(object.notRunning[i]))
                            throw $TypeError(".flux.v1.ExecutorProbeReply.notRunning: object expected");
                        message.notRunning[i] = $root.flux.v1.TaskRef.fromObject(object.notRunning[i], _depth + 1);
                    }
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".flux.v1.ExecutorProbeReply.error: object expected");
                    message.error = $root.flux.v1.ErrorInfo.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an ExecutorProbeReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {flux.v1.ExecutorProbeReply} message ExecutorProbeReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExecutorProbeReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.notRunning = [];
                if (options.defaults)
                    object.error = null;
                if (message.notRunning && message.notRunning.length) {
                    object.notRunning = $Array(message.notRunning.length);
                    for (let j = 0; j < message.notRunning.length; ++j)
                        object.notRunning[j] = $root.flux.v1.TaskRef.toObject(message.notRunning[j], options, _depth + 1);
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    object.error = $root.flux.v1.ErrorInfo.toObject(message.error, options, _depth + 1);
                return object;
            };

            /**
             * Converts this ExecutorProbeReply to JSON.
             * @function toJSON
             * @memberof flux.v1.ExecutorProbeReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExecutorProbeReply.prototype.toJSON = function() {
                return ExecutorProbeReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ExecutorProbeReply
             * @function getTypeUrl
             * @memberof flux.v1.ExecutorProbeReply
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ExecutorProbeReply.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.ExecutorProbeReply";
            };

            return ExecutorProbeReply;
        })();

        v1.ExecutionEvent = (function() {

            /**
             * Properties of an ExecutionEvent.
             * @typedef {Object} flux.v1.ExecutionEvent.$Properties
             * @property {string|null} [id] ExecutionEvent id
             * @property {string|null} [type] ExecutionEvent type
             * @property {string|null} [sourceId] ExecutionEvent sourceId
             * @property {string|null} [name] ExecutionEvent name
             * @property {flux.v1.Payload.$Properties|null} [value] ExecutionEvent value
             * @property {string|null} [time] ExecutionEvent time
             * @property {number|null} [seq] ExecutionEvent seq
             * @property {boolean|null} [quick] ExecutionEvent quick
             * @property {string|null} [version] ExecutionEvent version
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ExecutionEvent.
             * @memberof flux.v1
             * @interface IExecutionEvent
             * @augments flux.v1.ExecutionEvent.$Properties
             * @deprecated Use flux.v1.ExecutionEvent.$Properties instead.
             */

            /**
             * Shape of an ExecutionEvent.
             * @typedef {flux.v1.ExecutionEvent.$Properties} flux.v1.ExecutionEvent.$Shape
             */

            /**
             * Constructs a new ExecutionEvent.
             * @memberof flux.v1
             * @classdesc Represents an ExecutionEvent.
             * @constructor
             * @param {flux.v1.ExecutionEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ExecutionEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ExecutionEvent id.
             * @member {string} id
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.id = "";

            /**
             * ExecutionEvent type.
             * @member {string} type
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.type = "";

            /**
             * ExecutionEvent sourceId.
             * @member {string} sourceId
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.sourceId = "";

            /**
             * ExecutionEvent name.
             * @member {string} name
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.name = "";

            /**
             * ExecutionEvent value.
             * @member {flux.v1.Payload.$Properties|null|undefined} value
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.value = null;

            /**
             * ExecutionEvent time.
             * @member {string} time
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.time = "";

            /**
             * ExecutionEvent seq.
             * @member {number} seq
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.seq = 0;

            /**
             * ExecutionEvent quick.
             * @member {boolean} quick
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.quick = false;

            /**
             * ExecutionEvent version.
             * @member {string} version
             * @memberof flux.v1.ExecutionEvent
             * @instance
             */
            ExecutionEvent.prototype.version = "";

            /**
             * Creates a new ExecutionEvent instance using the specified properties.
             * @function create
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {flux.v1.ExecutionEvent.$Properties=} [properties] Properties to set
             * @returns {flux.v1.ExecutionEvent} ExecutionEvent instance
             * @type {{
             *   (properties: flux.v1.ExecutionEvent.$Shape): flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape;
             *   (properties?: flux.v1.ExecutionEvent.$Properties): flux.v1.ExecutionEvent;
             * }}
             */
            ExecutionEvent.create = function(properties) {
                return new ExecutionEvent(properties);
            };

            /**
             * Encodes the specified ExecutionEvent message. Does not implicitly {@link flux.v1.ExecutionEvent.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {flux.v1.ExecutionEvent.$Properties} message ExecutionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutionEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.type);
                if (message.sourceId != null && $Object.hasOwnProperty.call(message, "sourceId") && message.sourceId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.sourceId);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.name);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    $root.flux.v1.Payload.encode(message.value, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.time != null && $Object.hasOwnProperty.call(message, "time") && message.time !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.time);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.seq);
                if (message.quick != null && $Object.hasOwnProperty.call(message, "quick") && message.quick !== false)
                    writer.uint32(/* id 8, wireType 0 =*/64).bool(message.quick);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.version);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ExecutionEvent message, length delimited. Does not implicitly {@link flux.v1.ExecutionEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {flux.v1.ExecutionEvent.$Properties} message ExecutionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutionEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ExecutionEvent message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape} ExecutionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutionEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.ExecutionEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sourceId = value;
                            else
                                delete message.sourceId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.value = $root.flux.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.value);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.time = value;
                            else
                                delete message.time;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.quick = value;
                            else
                                delete message.quick;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ExecutionEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape} ExecutionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutionEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ExecutionEvent message.
             * @function verify
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExecutionEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    if (!$util.isString(message.type))
                        return "type: string expected";
                if (message.sourceId != null && $Object.hasOwnProperty.call(message, "sourceId"))
                    if (!$util.isString(message.sourceId))
                        return "sourceId: string expected";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.value != null && $Object.hasOwnProperty.call(message, "value")) {
                    let error = $root.flux.v1.Payload.verify(message.value, _depth + 1);
                    if (error)
                        return "value." + error;
                }
                if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                    if (!$util.isString(message.time))
                        return "time: string expected";
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (!$util.isInteger(message.seq))
                        return "seq: integer expected";
                if (message.quick != null && $Object.hasOwnProperty.call(message, "quick"))
                    if (typeof message.quick !== "boolean")
                        return "quick: boolean expected";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isString(message.version))
                        return "version: string expected";
                return null;
            };

            /**
             * Creates an ExecutionEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.ExecutionEvent} ExecutionEvent
             */
            ExecutionEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.ExecutionEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.ExecutionEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.ExecutionEvent();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.type != null)
                    if (typeof object.type !== "string" || object.type.length)
                        message.type = $String(object.type);
                if (object.sourceId != null)
                    if (typeof object.sourceId !== "string" || object.sourceId.length)
                        message.sourceId = $String(object.sourceId);
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.value != null) {
                    if (!$util.isObject(object.value))
                        throw $TypeError(".flux.v1.ExecutionEvent.value: object expected");
                    message.value = $root.flux.v1.Payload.fromObject(object.value, _depth + 1);
                }
                if (object.time != null)
                    if (typeof object.time !== "string" || object.time.length)
                        message.time = $String(object.time);
                if (object.seq != null)
                    if ($Number(object.seq) !== 0)
                        message.seq = object.seq >>> 0;
                if (object.quick != null)
                    if (object.quick)
                        message.quick = $Boolean(object.quick);
                if (object.version != null)
                    if (typeof object.version !== "string" || object.version.length)
                        message.version = $String(object.version);
                return message;
            };

            /**
             * Creates a plain object from an ExecutionEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {flux.v1.ExecutionEvent} message ExecutionEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExecutionEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    object.type = "";
                    object.sourceId = "";
                    object.name = "";
                    object.value = null;
                    object.time = "";
                    object.seq = 0;
                    object.quick = false;
                    object.version = "";
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.sourceId != null && $Object.hasOwnProperty.call(message, "sourceId"))
                    object.sourceId = message.sourceId;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = $root.flux.v1.Payload.toObject(message.value, options, _depth + 1);
                if (message.time != null && $Object.hasOwnProperty.call(message, "time"))
                    object.time = message.time;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    object.seq = message.seq;
                if (message.quick != null && $Object.hasOwnProperty.call(message, "quick"))
                    object.quick = message.quick;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                return object;
            };

            /**
             * Converts this ExecutionEvent to JSON.
             * @function toJSON
             * @memberof flux.v1.ExecutionEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExecutionEvent.prototype.toJSON = function() {
                return ExecutionEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ExecutionEvent
             * @function getTypeUrl
             * @memberof flux.v1.ExecutionEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ExecutionEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.ExecutionEvent";
            };

            return ExecutionEvent;
        })();

        v1.EventBatch = (function() {

            /**
             * Properties of an EventBatch.
             * @typedef {Object} flux.v1.EventBatch.$Properties
             * @property {Array.<flux.v1.ExecutionEvent.$Properties>|null} [events] EventBatch events
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EventBatch.
             * @memberof flux.v1
             * @interface IEventBatch
             * @augments flux.v1.EventBatch.$Properties
             * @deprecated Use flux.v1.EventBatch.$Properties instead.
             */

            /**
             * Shape of an EventBatch.
             * @typedef {flux.v1.EventBatch.$Properties} flux.v1.EventBatch.$Shape
             */

            /**
             * Constructs a new EventBatch.
             * @memberof flux.v1
             * @classdesc Represents an EventBatch.
             * @constructor
             * @param {flux.v1.EventBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EventBatch = function (properties) {
                this.events = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EventBatch events.
             * @member {Array.<flux.v1.ExecutionEvent.$Properties>} events
             * @memberof flux.v1.EventBatch
             * @instance
             */
            EventBatch.prototype.events = $util.emptyArray;

            /**
             * Creates a new EventBatch instance using the specified properties.
             * @function create
             * @memberof flux.v1.EventBatch
             * @static
             * @param {flux.v1.EventBatch.$Properties=} [properties] Properties to set
             * @returns {flux.v1.EventBatch} EventBatch instance
             * @type {{
             *   (properties: flux.v1.EventBatch.$Shape): flux.v1.EventBatch & flux.v1.EventBatch.$Shape;
             *   (properties?: flux.v1.EventBatch.$Properties): flux.v1.EventBatch;
             * }}
             */
            EventBatch.create = function(properties) {
                return new EventBatch(properties);
            };

            /**
             * Encodes the specified EventBatch message. Does not implicitly {@link flux.v1.EventBatch.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.EventBatch
             * @static
             * @param {flux.v1.EventBatch.$Properties} message EventBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.events != null && message.events.length)
                    for (let i = 0; i < message.events.length; ++i)
                        $root.flux.v1.ExecutionEvent.encode(message.events[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EventBatch message, length delimited. Does not implicitly {@link flux.v1.EventBatch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.EventBatch
             * @static
             * @param {flux.v1.EventBatch.$Properties} message EventBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventBatch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EventBatch message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.EventBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.EventBatch & flux.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.EventBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.flux.v1.ExecutionEvent.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EventBatch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.EventBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.EventBatch & flux.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventBatch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an EventBatch message.
             * @function verify
             * @memberof flux.v1.EventBatch
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EventBatch.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.events != null && $Object.hasOwnProperty.call(message, "events")) {
                    if (!$Array.isArray(message.events))
                        return "events: array expected";
                    for (let i = 0; i < message.events.length; ++i) {
                        let error = $root.flux.v1.ExecutionEvent.verify(message.events[i], _depth + 1);
                        if (error)
                            return "events." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an EventBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.EventBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.EventBatch} EventBatch
             */
            EventBatch.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.EventBatch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.EventBatch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.EventBatch();
                if (object.events) {
                    if (!$Array.isArray(object.events))
                        throw $TypeError(".flux.v1.EventBatch.events: array expected");
                    message.events = $Array(object.events.length);
                    for (let i = 0; i < object.events.length; ++i) {
                        if (!$util.isObject(object.events[i]))
                            throw $TypeError(".flux.v1.EventBatch.events: object expected");
                        message.events[i] = $root.flux.v1.ExecutionEvent.fromObject(object.events[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an EventBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.EventBatch
             * @static
             * @param {flux.v1.EventBatch} message EventBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EventBatch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.events = [];
                if (message.events && message.events.length) {
                    object.events = $Array(message.events.length);
                    for (let j = 0; j < message.events.length; ++j)
                        object.events[j] = $root.flux.v1.ExecutionEvent.toObject(message.events[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this EventBatch to JSON.
             * @function toJSON
             * @memberof flux.v1.EventBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EventBatch.prototype.toJSON = function() {
                return EventBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EventBatch
             * @function getTypeUrl
             * @memberof flux.v1.EventBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EventBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.EventBatch";
            };

            return EventBatch;
        })();

        v1.StartCommand = (function() {

            /**
             * Properties of a StartCommand.
             * @typedef {Object} flux.v1.StartCommand.$Properties
             * @property {string|null} [workflow] StartCommand workflow
             * @property {string|null} [executionId] StartCommand executionId
             * @property {flux.v1.Payload.$Properties|null} [input] StartCommand input
             * @property {string|null} [version] StartCommand version
             * @property {string|null} [idReuse] StartCommand idReuse
             * @property {number|null} [seenEvents] StartCommand seenEvents
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StartCommand.
             * @memberof flux.v1
             * @interface IStartCommand
             * @augments flux.v1.StartCommand.$Properties
             * @deprecated Use flux.v1.StartCommand.$Properties instead.
             */

            /**
             * Shape of a StartCommand.
             * @typedef {flux.v1.StartCommand.$Properties} flux.v1.StartCommand.$Shape
             */

            /**
             * Constructs a new StartCommand.
             * @memberof flux.v1
             * @classdesc Represents a StartCommand.
             * @constructor
             * @param {flux.v1.StartCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StartCommand = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StartCommand workflow.
             * @member {string} workflow
             * @memberof flux.v1.StartCommand
             * @instance
             */
            StartCommand.prototype.workflow = "";

            /**
             * StartCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.StartCommand
             * @instance
             */
            StartCommand.prototype.executionId = "";

            /**
             * StartCommand input.
             * @member {flux.v1.Payload.$Properties|null|undefined} input
             * @memberof flux.v1.StartCommand
             * @instance
             */
            StartCommand.prototype.input = null;

            /**
             * StartCommand version.
             * @member {string} version
             * @memberof flux.v1.StartCommand
             * @instance
             */
            StartCommand.prototype.version = "";

            /**
             * StartCommand idReuse.
             * @member {string} idReuse
             * @memberof flux.v1.StartCommand
             * @instance
             */
            StartCommand.prototype.idReuse = "";

            /**
             * StartCommand seenEvents.
             * @member {number} seenEvents
             * @memberof flux.v1.StartCommand
             * @instance
             */
            StartCommand.prototype.seenEvents = 0;

            /**
             * Creates a new StartCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.StartCommand
             * @static
             * @param {flux.v1.StartCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.StartCommand} StartCommand instance
             * @type {{
             *   (properties: flux.v1.StartCommand.$Shape): flux.v1.StartCommand & flux.v1.StartCommand.$Shape;
             *   (properties?: flux.v1.StartCommand.$Properties): flux.v1.StartCommand;
             * }}
             */
            StartCommand.create = function(properties) {
                return new StartCommand(properties);
            };

            /**
             * Encodes the specified StartCommand message. Does not implicitly {@link flux.v1.StartCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.StartCommand
             * @static
             * @param {flux.v1.StartCommand.$Properties} message StartCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StartCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workflow);
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.executionId);
                if (message.input != null && $Object.hasOwnProperty.call(message, "input"))
                    $root.flux.v1.Payload.encode(message.input, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.version);
                if (message.idReuse != null && $Object.hasOwnProperty.call(message, "idReuse") && message.idReuse !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.idReuse);
                if (message.seenEvents != null && $Object.hasOwnProperty.call(message, "seenEvents") && message.seenEvents !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.seenEvents);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified StartCommand message, length delimited. Does not implicitly {@link flux.v1.StartCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.StartCommand
             * @static
             * @param {flux.v1.StartCommand.$Properties} message StartCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StartCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a StartCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.StartCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.StartCommand & flux.v1.StartCommand.$Shape} StartCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StartCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.StartCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.input = $root.flux.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.input);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.idReuse = value;
                            else
                                delete message.idReuse;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seenEvents = value;
                            else
                                delete message.seenEvents;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a StartCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.StartCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.StartCommand & flux.v1.StartCommand.$Shape} StartCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StartCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a StartCommand message.
             * @function verify
             * @memberof flux.v1.StartCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StartCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.input != null && $Object.hasOwnProperty.call(message, "input")) {
                    let error = $root.flux.v1.Payload.verify(message.input, _depth + 1);
                    if (error)
                        return "input." + error;
                }
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isString(message.version))
                        return "version: string expected";
                if (message.idReuse != null && $Object.hasOwnProperty.call(message, "idReuse"))
                    if (!$util.isString(message.idReuse))
                        return "idReuse: string expected";
                if (message.seenEvents != null && $Object.hasOwnProperty.call(message, "seenEvents"))
                    if (!$util.isInteger(message.seenEvents))
                        return "seenEvents: integer expected";
                return null;
            };

            /**
             * Creates a StartCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.StartCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.StartCommand} StartCommand
             */
            StartCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.StartCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.StartCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.StartCommand();
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.input != null) {
                    if (!$util.isObject(object.input))
                        throw $TypeError(".flux.v1.StartCommand.input: object expected");
                    message.input = $root.flux.v1.Payload.fromObject(object.input, _depth + 1);
                }
                if (object.version != null)
                    if (typeof object.version !== "string" || object.version.length)
                        message.version = $String(object.version);
                if (object.idReuse != null)
                    if (typeof object.idReuse !== "string" || object.idReuse.length)
                        message.idReuse = $String(object.idReuse);
                if (object.seenEvents != null)
                    if ($Number(object.seenEvents) !== 0)
                        message.seenEvents = object.seenEvents >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a StartCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.StartCommand
             * @static
             * @param {flux.v1.StartCommand} message StartCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StartCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workflow = "";
                    object.executionId = "";
                    object.input = null;
                    object.version = "";
                    object.idReuse = "";
                    object.seenEvents = 0;
                }
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.input != null && $Object.hasOwnProperty.call(message, "input"))
                    object.input = $root.flux.v1.Payload.toObject(message.input, options, _depth + 1);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.idReuse != null && $Object.hasOwnProperty.call(message, "idReuse"))
                    object.idReuse = message.idReuse;
                if (message.seenEvents != null && $Object.hasOwnProperty.call(message, "seenEvents"))
                    object.seenEvents = message.seenEvents;
                return object;
            };

            /**
             * Converts this StartCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.StartCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StartCommand.prototype.toJSON = function() {
                return StartCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for StartCommand
             * @function getTypeUrl
             * @memberof flux.v1.StartCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StartCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.StartCommand";
            };

            return StartCommand;
        })();

        v1.ResumeCommand = (function() {

            /**
             * Properties of a ResumeCommand.
             * @typedef {Object} flux.v1.ResumeCommand.$Properties
             * @property {string|null} [workflow] ResumeCommand workflow
             * @property {string|null} [executionId] ResumeCommand executionId
             * @property {flux.v1.Payload.$Properties|null} [value] ResumeCommand value
             * @property {string|null} [pause] ResumeCommand pause
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ResumeCommand.
             * @memberof flux.v1
             * @interface IResumeCommand
             * @augments flux.v1.ResumeCommand.$Properties
             * @deprecated Use flux.v1.ResumeCommand.$Properties instead.
             */

            /**
             * Shape of a ResumeCommand.
             * @typedef {flux.v1.ResumeCommand.$Properties} flux.v1.ResumeCommand.$Shape
             */

            /**
             * Constructs a new ResumeCommand.
             * @memberof flux.v1
             * @classdesc Represents a ResumeCommand.
             * @constructor
             * @param {flux.v1.ResumeCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ResumeCommand = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ResumeCommand workflow.
             * @member {string} workflow
             * @memberof flux.v1.ResumeCommand
             * @instance
             */
            ResumeCommand.prototype.workflow = "";

            /**
             * ResumeCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.ResumeCommand
             * @instance
             */
            ResumeCommand.prototype.executionId = "";

            /**
             * ResumeCommand value.
             * @member {flux.v1.Payload.$Properties|null|undefined} value
             * @memberof flux.v1.ResumeCommand
             * @instance
             */
            ResumeCommand.prototype.value = null;

            /**
             * ResumeCommand pause.
             * @member {string} pause
             * @memberof flux.v1.ResumeCommand
             * @instance
             */
            ResumeCommand.prototype.pause = "";

            /**
             * Creates a new ResumeCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {flux.v1.ResumeCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.ResumeCommand} ResumeCommand instance
             * @type {{
             *   (properties: flux.v1.ResumeCommand.$Shape): flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape;
             *   (properties?: flux.v1.ResumeCommand.$Properties): flux.v1.ResumeCommand;
             * }}
             */
            ResumeCommand.create = function(properties) {
                return new ResumeCommand(properties);
            };

            /**
             * Encodes the specified ResumeCommand message. Does not implicitly {@link flux.v1.ResumeCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {flux.v1.ResumeCommand.$Properties} message ResumeCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ResumeCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workflow);
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.executionId);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    $root.flux.v1.Payload.encode(message.value, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.pause != null && $Object.hasOwnProperty.call(message, "pause") && message.pause !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.pause);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ResumeCommand message, length delimited. Does not implicitly {@link flux.v1.ResumeCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {flux.v1.ResumeCommand.$Properties} message ResumeCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ResumeCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ResumeCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape} ResumeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ResumeCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.ResumeCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.value = $root.flux.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.value);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.pause = value;
                            else
                                delete message.pause;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ResumeCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape} ResumeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ResumeCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ResumeCommand message.
             * @function verify
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ResumeCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.value != null && $Object.hasOwnProperty.call(message, "value")) {
                    let error = $root.flux.v1.Payload.verify(message.value, _depth + 1);
                    if (error)
                        return "value." + error;
                }
                if (message.pause != null && $Object.hasOwnProperty.call(message, "pause"))
                    if (!$util.isString(message.pause))
                        return "pause: string expected";
                return null;
            };

            /**
             * Creates a ResumeCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.ResumeCommand} ResumeCommand
             */
            ResumeCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.ResumeCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.ResumeCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.ResumeCommand();
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.value != null) {
                    if (!$util.isObject(object.value))
                        throw $TypeError(".flux.v1.ResumeCommand.value: object expected");
                    message.value = $root.flux.v1.Payload.fromObject(object.value, _depth + 1);
                }
                if (object.pause != null)
                    if (typeof object.pause !== "string" || object.pause.length)
                        message.pause = $String(object.pause);
                return message;
            };

            /**
             * Creates a plain object from a ResumeCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {flux.v1.ResumeCommand} message ResumeCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ResumeCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workflow = "";
                    object.executionId = "";
                    object.value = null;
                    object.pause = "";
                }
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = $root.flux.v1.Payload.toObject(message.value, options, _depth + 1);
                if (message.pause != null && $Object.hasOwnProperty.call(message, "pause"))
                    object.pause = message.pause;
                return object;
            };

            /**
             * Converts this ResumeCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.ResumeCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ResumeCommand.prototype.toJSON = function() {
                return ResumeCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ResumeCommand
             * @function getTypeUrl
             * @memberof flux.v1.ResumeCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ResumeCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.ResumeCommand";
            };

            return ResumeCommand;
        })();

        v1.WakeCommand = (function() {

            /**
             * Properties of a WakeCommand.
             * @typedef {Object} flux.v1.WakeCommand.$Properties
             * @property {string|null} [workflow] WakeCommand workflow
             * @property {string|null} [executionId] WakeCommand executionId
             * @property {number|Long|null} [revision] WakeCommand revision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WakeCommand.
             * @memberof flux.v1
             * @interface IWakeCommand
             * @augments flux.v1.WakeCommand.$Properties
             * @deprecated Use flux.v1.WakeCommand.$Properties instead.
             */

            /**
             * Shape of a WakeCommand.
             * @typedef {flux.v1.WakeCommand.$Properties} flux.v1.WakeCommand.$Shape
             */

            /**
             * Constructs a new WakeCommand.
             * @memberof flux.v1
             * @classdesc Represents a WakeCommand.
             * @constructor
             * @param {flux.v1.WakeCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WakeCommand = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WakeCommand workflow.
             * @member {string} workflow
             * @memberof flux.v1.WakeCommand
             * @instance
             */
            WakeCommand.prototype.workflow = "";

            /**
             * WakeCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.WakeCommand
             * @instance
             */
            WakeCommand.prototype.executionId = "";

            /**
             * WakeCommand revision.
             * @member {number|Long} revision
             * @memberof flux.v1.WakeCommand
             * @instance
             */
            WakeCommand.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new WakeCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {flux.v1.WakeCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.WakeCommand} WakeCommand instance
             * @type {{
             *   (properties: flux.v1.WakeCommand.$Shape): flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape;
             *   (properties?: flux.v1.WakeCommand.$Properties): flux.v1.WakeCommand;
             * }}
             */
            WakeCommand.create = function(properties) {
                return new WakeCommand(properties);
            };

            /**
             * Encodes the specified WakeCommand message. Does not implicitly {@link flux.v1.WakeCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {flux.v1.WakeCommand.$Properties} message WakeCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WakeCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workflow);
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.executionId);
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision") && (typeof message.revision === "object" ? message.revision.low || message.revision.high : message.revision !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.revision);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified WakeCommand message, length delimited. Does not implicitly {@link flux.v1.WakeCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {flux.v1.WakeCommand.$Properties} message WakeCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WakeCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a WakeCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape} WakeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WakeCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.WakeCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.revision = value;
                            else
                                delete message.revision;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a WakeCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape} WakeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WakeCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a WakeCommand message.
             * @function verify
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WakeCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision"))
                    if (!$util.isInteger(message.revision) && !(message.revision && $util.isInteger(message.revision.low) && $util.isInteger(message.revision.high)))
                        return "revision: integer|Long expected";
                return null;
            };

            /**
             * Creates a WakeCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.WakeCommand} WakeCommand
             */
            WakeCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.WakeCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.WakeCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.WakeCommand();
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.revision != null)
                    if (typeof object.revision === "object" ? object.revision.low || object.revision.high : $Number(object.revision) !== 0)
                        if ($util.Long)
                            message.revision = $util.Long.fromValue(object.revision, true);
                        else if (typeof object.revision === "string")
                            message.revision = $parseInt(object.revision, 10);
                        else if (typeof object.revision === "number")
                            message.revision = object.revision;
                        else if (typeof object.revision === "object")
                            message.revision = new $util.LongBits(object.revision.low >>> 0, object.revision.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a WakeCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {flux.v1.WakeCommand} message WakeCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WakeCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workflow = "";
                    object.executionId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.revision = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.revision = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.revision != null && $Object.hasOwnProperty.call(message, "revision"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.revision = typeof message.revision === "number" ? $BigInt(message.revision) : $util.Long.fromBits(message.revision.low >>> 0, message.revision.high >>> 0, true).toBigInt();
                    else if (typeof message.revision === "number")
                        object.revision = options.longs === $String ? $String(message.revision) : message.revision;
                    else
                        object.revision = options.longs === $String ? $util.Long.prototype.toString.call(message.revision) : options.longs === $Number ? new $util.LongBits(message.revision.low >>> 0, message.revision.high >>> 0).toNumber(true) : message.revision;
                return object;
            };

            /**
             * Converts this WakeCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.WakeCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WakeCommand.prototype.toJSON = function() {
                return WakeCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for WakeCommand
             * @function getTypeUrl
             * @memberof flux.v1.WakeCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WakeCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.WakeCommand";
            };

            return WakeCommand;
        })();

        v1.CancelCommand = (function() {

            /**
             * Properties of a CancelCommand.
             * @typedef {Object} flux.v1.CancelCommand.$Properties
             * @property {string|null} [workflow] CancelCommand workflow
             * @property {string|null} [executionId] CancelCommand executionId
             * @property {boolean|null} [rollback] CancelCommand rollback
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelCommand.
             * @memberof flux.v1
             * @interface ICancelCommand
             * @augments flux.v1.CancelCommand.$Properties
             * @deprecated Use flux.v1.CancelCommand.$Properties instead.
             */

            /**
             * Shape of a CancelCommand.
             * @typedef {flux.v1.CancelCommand.$Properties} flux.v1.CancelCommand.$Shape
             */

            /**
             * Constructs a new CancelCommand.
             * @memberof flux.v1
             * @classdesc Represents a CancelCommand.
             * @constructor
             * @param {flux.v1.CancelCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelCommand = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CancelCommand workflow.
             * @member {string} workflow
             * @memberof flux.v1.CancelCommand
             * @instance
             */
            CancelCommand.prototype.workflow = "";

            /**
             * CancelCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.CancelCommand
             * @instance
             */
            CancelCommand.prototype.executionId = "";

            /**
             * CancelCommand rollback.
             * @member {boolean} rollback
             * @memberof flux.v1.CancelCommand
             * @instance
             */
            CancelCommand.prototype.rollback = false;

            /**
             * Creates a new CancelCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {flux.v1.CancelCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.CancelCommand} CancelCommand instance
             * @type {{
             *   (properties: flux.v1.CancelCommand.$Shape): flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape;
             *   (properties?: flux.v1.CancelCommand.$Properties): flux.v1.CancelCommand;
             * }}
             */
            CancelCommand.create = function(properties) {
                return new CancelCommand(properties);
            };

            /**
             * Encodes the specified CancelCommand message. Does not implicitly {@link flux.v1.CancelCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {flux.v1.CancelCommand.$Properties} message CancelCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workflow);
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.executionId);
                if (message.rollback != null && $Object.hasOwnProperty.call(message, "rollback") && message.rollback !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.rollback);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CancelCommand message, length delimited. Does not implicitly {@link flux.v1.CancelCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {flux.v1.CancelCommand.$Properties} message CancelCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CancelCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape} CancelCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.CancelCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.rollback = value;
                            else
                                delete message.rollback;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CancelCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape} CancelCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CancelCommand message.
             * @function verify
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CancelCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.rollback != null && $Object.hasOwnProperty.call(message, "rollback"))
                    if (typeof message.rollback !== "boolean")
                        return "rollback: boolean expected";
                return null;
            };

            /**
             * Creates a CancelCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.CancelCommand} CancelCommand
             */
            CancelCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.CancelCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.CancelCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.CancelCommand();
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.rollback != null)
                    if (object.rollback)
                        message.rollback = $Boolean(object.rollback);
                return message;
            };

            /**
             * Creates a plain object from a CancelCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {flux.v1.CancelCommand} message CancelCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workflow = "";
                    object.executionId = "";
                    object.rollback = false;
                }
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.rollback != null && $Object.hasOwnProperty.call(message, "rollback"))
                    object.rollback = message.rollback;
                return object;
            };

            /**
             * Converts this CancelCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.CancelCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelCommand.prototype.toJSON = function() {
                return CancelCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CancelCommand
             * @function getTypeUrl
             * @memberof flux.v1.CancelCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CancelCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.CancelCommand";
            };

            return CancelCommand;
        })();

        v1.RetryCommand = (function() {

            /**
             * Properties of a RetryCommand.
             * @typedef {Object} flux.v1.RetryCommand.$Properties
             * @property {string|null} [workflow] RetryCommand workflow
             * @property {string|null} [executionId] RetryCommand executionId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RetryCommand.
             * @memberof flux.v1
             * @interface IRetryCommand
             * @augments flux.v1.RetryCommand.$Properties
             * @deprecated Use flux.v1.RetryCommand.$Properties instead.
             */

            /**
             * Shape of a RetryCommand.
             * @typedef {flux.v1.RetryCommand.$Properties} flux.v1.RetryCommand.$Shape
             */

            /**
             * Constructs a new RetryCommand.
             * @memberof flux.v1
             * @classdesc Represents a RetryCommand.
             * @constructor
             * @param {flux.v1.RetryCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RetryCommand = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RetryCommand workflow.
             * @member {string} workflow
             * @memberof flux.v1.RetryCommand
             * @instance
             */
            RetryCommand.prototype.workflow = "";

            /**
             * RetryCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.RetryCommand
             * @instance
             */
            RetryCommand.prototype.executionId = "";

            /**
             * Creates a new RetryCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {flux.v1.RetryCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.RetryCommand} RetryCommand instance
             * @type {{
             *   (properties: flux.v1.RetryCommand.$Shape): flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape;
             *   (properties?: flux.v1.RetryCommand.$Properties): flux.v1.RetryCommand;
             * }}
             */
            RetryCommand.create = function(properties) {
                return new RetryCommand(properties);
            };

            /**
             * Encodes the specified RetryCommand message. Does not implicitly {@link flux.v1.RetryCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {flux.v1.RetryCommand.$Properties} message RetryCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RetryCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workflow);
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.executionId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RetryCommand message, length delimited. Does not implicitly {@link flux.v1.RetryCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {flux.v1.RetryCommand.$Properties} message RetryCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RetryCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RetryCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape} RetryCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RetryCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.RetryCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RetryCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape} RetryCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RetryCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RetryCommand message.
             * @function verify
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RetryCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                return null;
            };

            /**
             * Creates a RetryCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.RetryCommand} RetryCommand
             */
            RetryCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.RetryCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.RetryCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.RetryCommand();
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                return message;
            };

            /**
             * Creates a plain object from a RetryCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {flux.v1.RetryCommand} message RetryCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RetryCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workflow = "";
                    object.executionId = "";
                }
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                return object;
            };

            /**
             * Converts this RetryCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.RetryCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RetryCommand.prototype.toJSON = function() {
                return RetryCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RetryCommand
             * @function getTypeUrl
             * @memberof flux.v1.RetryCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RetryCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.RetryCommand";
            };

            return RetryCommand;
        })();

        v1.ForkCommand = (function() {

            /**
             * Properties of a ForkCommand.
             * @typedef {Object} flux.v1.ForkCommand.$Properties
             * @property {string|null} [workflow] ForkCommand workflow
             * @property {string|null} [executionId] ForkCommand executionId
             * @property {string|null} [fromStep] ForkCommand fromStep
             * @property {string|null} [forkId] ForkCommand forkId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ForkCommand.
             * @memberof flux.v1
             * @interface IForkCommand
             * @augments flux.v1.ForkCommand.$Properties
             * @deprecated Use flux.v1.ForkCommand.$Properties instead.
             */

            /**
             * Shape of a ForkCommand.
             * @typedef {flux.v1.ForkCommand.$Properties} flux.v1.ForkCommand.$Shape
             */

            /**
             * Constructs a new ForkCommand.
             * @memberof flux.v1
             * @classdesc Represents a ForkCommand.
             * @constructor
             * @param {flux.v1.ForkCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ForkCommand = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ForkCommand workflow.
             * @member {string} workflow
             * @memberof flux.v1.ForkCommand
             * @instance
             */
            ForkCommand.prototype.workflow = "";

            /**
             * ForkCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.ForkCommand
             * @instance
             */
            ForkCommand.prototype.executionId = "";

            /**
             * ForkCommand fromStep.
             * @member {string} fromStep
             * @memberof flux.v1.ForkCommand
             * @instance
             */
            ForkCommand.prototype.fromStep = "";

            /**
             * ForkCommand forkId.
             * @member {string} forkId
             * @memberof flux.v1.ForkCommand
             * @instance
             */
            ForkCommand.prototype.forkId = "";

            /**
             * Creates a new ForkCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {flux.v1.ForkCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.ForkCommand} ForkCommand instance
             * @type {{
             *   (properties: flux.v1.ForkCommand.$Shape): flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape;
             *   (properties?: flux.v1.ForkCommand.$Properties): flux.v1.ForkCommand;
             * }}
             */
            ForkCommand.create = function(properties) {
                return new ForkCommand(properties);
            };

            /**
             * Encodes the specified ForkCommand message. Does not implicitly {@link flux.v1.ForkCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {flux.v1.ForkCommand.$Properties} message ForkCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ForkCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workflow);
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.executionId);
                if (message.fromStep != null && $Object.hasOwnProperty.call(message, "fromStep") && message.fromStep !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.fromStep);
                if (message.forkId != null && $Object.hasOwnProperty.call(message, "forkId") && message.forkId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.forkId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ForkCommand message, length delimited. Does not implicitly {@link flux.v1.ForkCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {flux.v1.ForkCommand.$Properties} message ForkCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ForkCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ForkCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape} ForkCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ForkCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.ForkCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fromStep = value;
                            else
                                delete message.fromStep;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.forkId = value;
                            else
                                delete message.forkId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ForkCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape} ForkCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ForkCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ForkCommand message.
             * @function verify
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ForkCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.fromStep != null && $Object.hasOwnProperty.call(message, "fromStep"))
                    if (!$util.isString(message.fromStep))
                        return "fromStep: string expected";
                if (message.forkId != null && $Object.hasOwnProperty.call(message, "forkId"))
                    if (!$util.isString(message.forkId))
                        return "forkId: string expected";
                return null;
            };

            /**
             * Creates a ForkCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.ForkCommand} ForkCommand
             */
            ForkCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.ForkCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.ForkCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.ForkCommand();
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.fromStep != null)
                    if (typeof object.fromStep !== "string" || object.fromStep.length)
                        message.fromStep = $String(object.fromStep);
                if (object.forkId != null)
                    if (typeof object.forkId !== "string" || object.forkId.length)
                        message.forkId = $String(object.forkId);
                return message;
            };

            /**
             * Creates a plain object from a ForkCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {flux.v1.ForkCommand} message ForkCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ForkCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workflow = "";
                    object.executionId = "";
                    object.fromStep = "";
                    object.forkId = "";
                }
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.fromStep != null && $Object.hasOwnProperty.call(message, "fromStep"))
                    object.fromStep = message.fromStep;
                if (message.forkId != null && $Object.hasOwnProperty.call(message, "forkId"))
                    object.forkId = message.forkId;
                return object;
            };

            /**
             * Converts this ForkCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.ForkCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ForkCommand.prototype.toJSON = function() {
                return ForkCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ForkCommand
             * @function getTypeUrl
             * @memberof flux.v1.ForkCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ForkCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.ForkCommand";
            };

            return ForkCommand;
        })();

        v1.DeleteCommand = (function() {

            /**
             * Properties of a DeleteCommand.
             * @typedef {Object} flux.v1.DeleteCommand.$Properties
             * @property {string|null} [workflow] DeleteCommand workflow
             * @property {string|null} [executionId] DeleteCommand executionId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeleteCommand.
             * @memberof flux.v1
             * @interface IDeleteCommand
             * @augments flux.v1.DeleteCommand.$Properties
             * @deprecated Use flux.v1.DeleteCommand.$Properties instead.
             */

            /**
             * Shape of a DeleteCommand.
             * @typedef {flux.v1.DeleteCommand.$Properties} flux.v1.DeleteCommand.$Shape
             */

            /**
             * Constructs a new DeleteCommand.
             * @memberof flux.v1
             * @classdesc Represents a DeleteCommand.
             * @constructor
             * @param {flux.v1.DeleteCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeleteCommand = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeleteCommand workflow.
             * @member {string} workflow
             * @memberof flux.v1.DeleteCommand
             * @instance
             */
            DeleteCommand.prototype.workflow = "";

            /**
             * DeleteCommand executionId.
             * @member {string} executionId
             * @memberof flux.v1.DeleteCommand
             * @instance
             */
            DeleteCommand.prototype.executionId = "";

            /**
             * Creates a new DeleteCommand instance using the specified properties.
             * @function create
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {flux.v1.DeleteCommand.$Properties=} [properties] Properties to set
             * @returns {flux.v1.DeleteCommand} DeleteCommand instance
             * @type {{
             *   (properties: flux.v1.DeleteCommand.$Shape): flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape;
             *   (properties?: flux.v1.DeleteCommand.$Properties): flux.v1.DeleteCommand;
             * }}
             */
            DeleteCommand.create = function(properties) {
                return new DeleteCommand(properties);
            };

            /**
             * Encodes the specified DeleteCommand message. Does not implicitly {@link flux.v1.DeleteCommand.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {flux.v1.DeleteCommand.$Properties} message DeleteCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.workflow);
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.executionId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified DeleteCommand message, length delimited. Does not implicitly {@link flux.v1.DeleteCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {flux.v1.DeleteCommand.$Properties} message DeleteCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeleteCommand message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape} DeleteCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.DeleteCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a DeleteCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape} DeleteCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeleteCommand message.
             * @function verify
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeleteCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                return null;
            };

            /**
             * Creates a DeleteCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.DeleteCommand} DeleteCommand
             */
            DeleteCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.DeleteCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.DeleteCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.DeleteCommand();
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                return message;
            };

            /**
             * Creates a plain object from a DeleteCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {flux.v1.DeleteCommand} message DeleteCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeleteCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workflow = "";
                    object.executionId = "";
                }
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                return object;
            };

            /**
             * Converts this DeleteCommand to JSON.
             * @function toJSON
             * @memberof flux.v1.DeleteCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeleteCommand.prototype.toJSON = function() {
                return DeleteCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeleteCommand
             * @function getTypeUrl
             * @memberof flux.v1.DeleteCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeleteCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.DeleteCommand";
            };

            return DeleteCommand;
        })();

        v1.ExecutionStatus = (function() {

            /**
             * Properties of an ExecutionStatus.
             * @typedef {Object} flux.v1.ExecutionStatus.$Properties
             * @property {string|null} [executionId] ExecutionStatus executionId
             * @property {string|null} [workflow] ExecutionStatus workflow
             * @property {string|null} [state] ExecutionStatus state
             * @property {string|null} [createdAt] ExecutionStatus createdAt
             * @property {string|null} [updatedAt] ExecutionStatus updatedAt
             * @property {flux.v1.ErrorInfo.$Properties|null} [error] ExecutionStatus error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ExecutionStatus.
             * @memberof flux.v1
             * @interface IExecutionStatus
             * @augments flux.v1.ExecutionStatus.$Properties
             * @deprecated Use flux.v1.ExecutionStatus.$Properties instead.
             */

            /**
             * Shape of an ExecutionStatus.
             * @typedef {flux.v1.ExecutionStatus.$Properties} flux.v1.ExecutionStatus.$Shape
             */

            /**
             * Constructs a new ExecutionStatus.
             * @memberof flux.v1
             * @classdesc Represents an ExecutionStatus.
             * @constructor
             * @param {flux.v1.ExecutionStatus.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ExecutionStatus = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ExecutionStatus executionId.
             * @member {string} executionId
             * @memberof flux.v1.ExecutionStatus
             * @instance
             */
            ExecutionStatus.prototype.executionId = "";

            /**
             * ExecutionStatus workflow.
             * @member {string} workflow
             * @memberof flux.v1.ExecutionStatus
             * @instance
             */
            ExecutionStatus.prototype.workflow = "";

            /**
             * ExecutionStatus state.
             * @member {string} state
             * @memberof flux.v1.ExecutionStatus
             * @instance
             */
            ExecutionStatus.prototype.state = "";

            /**
             * ExecutionStatus createdAt.
             * @member {string} createdAt
             * @memberof flux.v1.ExecutionStatus
             * @instance
             */
            ExecutionStatus.prototype.createdAt = "";

            /**
             * ExecutionStatus updatedAt.
             * @member {string} updatedAt
             * @memberof flux.v1.ExecutionStatus
             * @instance
             */
            ExecutionStatus.prototype.updatedAt = "";

            /**
             * ExecutionStatus error.
             * @member {flux.v1.ErrorInfo.$Properties|null|undefined} error
             * @memberof flux.v1.ExecutionStatus
             * @instance
             */
            ExecutionStatus.prototype.error = null;

            /**
             * Creates a new ExecutionStatus instance using the specified properties.
             * @function create
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {flux.v1.ExecutionStatus.$Properties=} [properties] Properties to set
             * @returns {flux.v1.ExecutionStatus} ExecutionStatus instance
             * @type {{
             *   (properties: flux.v1.ExecutionStatus.$Shape): flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape;
             *   (properties?: flux.v1.ExecutionStatus.$Properties): flux.v1.ExecutionStatus;
             * }}
             */
            ExecutionStatus.create = function(properties) {
                return new ExecutionStatus(properties);
            };

            /**
             * Encodes the specified ExecutionStatus message. Does not implicitly {@link flux.v1.ExecutionStatus.verify|verify} messages.
             * @function encode
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {flux.v1.ExecutionStatus.$Properties} message ExecutionStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutionStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId") && message.executionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.executionId);
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow") && message.workflow !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.workflow);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.state);
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && message.createdAt !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.createdAt);
                if (message.updatedAt != null && $Object.hasOwnProperty.call(message, "updatedAt") && message.updatedAt !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.updatedAt);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.flux.v1.ErrorInfo.encode(message.error, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ExecutionStatus message, length delimited. Does not implicitly {@link flux.v1.ExecutionStatus.verify|verify} messages.
             * @function encodeDelimited
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {flux.v1.ExecutionStatus.$Properties} message ExecutionStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecutionStatus.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ExecutionStatus message from the specified reader or buffer.
             * @function decode
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape} ExecutionStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutionStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.flux.v1.ExecutionStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.executionId = value;
                            else
                                delete message.executionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflow = value;
                            else
                                delete message.workflow;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.createdAt = value;
                            else
                                delete message.createdAt;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.updatedAt = value;
                            else
                                delete message.updatedAt;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.flux.v1.ErrorInfo.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ExecutionStatus message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape} ExecutionStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecutionStatus.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ExecutionStatus message.
             * @function verify
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExecutionStatus.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    if (!$util.isString(message.executionId))
                        return "executionId: string expected";
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    if (!$util.isString(message.workflow))
                        return "workflow: string expected";
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    if (!$util.isString(message.state))
                        return "state: string expected";
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt"))
                    if (!$util.isString(message.createdAt))
                        return "createdAt: string expected";
                if (message.updatedAt != null && $Object.hasOwnProperty.call(message, "updatedAt"))
                    if (!$util.isString(message.updatedAt))
                        return "updatedAt: string expected";
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    let error = $root.flux.v1.ErrorInfo.verify(message.error, _depth + 1);
                    if (error)
                        return "error." + error;
                }
                return null;
            };

            /**
             * Creates an ExecutionStatus message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {flux.v1.ExecutionStatus} ExecutionStatus
             */
            ExecutionStatus.fromObject = function (object, _depth) {
                if (object instanceof $root.flux.v1.ExecutionStatus)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".flux.v1.ExecutionStatus: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.flux.v1.ExecutionStatus();
                if (object.executionId != null)
                    if (typeof object.executionId !== "string" || object.executionId.length)
                        message.executionId = $String(object.executionId);
                if (object.workflow != null)
                    if (typeof object.workflow !== "string" || object.workflow.length)
                        message.workflow = $String(object.workflow);
                if (object.state != null)
                    if (typeof object.state !== "string" || object.state.length)
                        message.state = $String(object.state);
                if (object.createdAt != null)
                    if (typeof object.createdAt !== "string" || object.createdAt.length)
                        message.createdAt = $String(object.createdAt);
                if (object.updatedAt != null)
                    if (typeof object.updatedAt !== "string" || object.updatedAt.length)
                        message.updatedAt = $String(object.updatedAt);
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".flux.v1.ExecutionStatus.error: object expected");
                    message.error = $root.flux.v1.ErrorInfo.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an ExecutionStatus message. Also converts values to other types if specified.
             * @function toObject
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {flux.v1.ExecutionStatus} message ExecutionStatus
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExecutionStatus.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.executionId = "";
                    object.workflow = "";
                    object.state = "";
                    object.createdAt = "";
                    object.updatedAt = "";
                    object.error = null;
                }
                if (message.executionId != null && $Object.hasOwnProperty.call(message, "executionId"))
                    object.executionId = message.executionId;
                if (message.workflow != null && $Object.hasOwnProperty.call(message, "workflow"))
                    object.workflow = message.workflow;
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = message.state;
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt"))
                    object.createdAt = message.createdAt;
                if (message.updatedAt != null && $Object.hasOwnProperty.call(message, "updatedAt"))
                    object.updatedAt = message.updatedAt;
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    object.error = $root.flux.v1.ErrorInfo.toObject(message.error, options, _depth + 1);
                return object;
            };

            /**
             * Converts this ExecutionStatus to JSON.
             * @function toJSON
             * @memberof flux.v1.ExecutionStatus
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExecutionStatus.prototype.toJSON = function() {
                return ExecutionStatus.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ExecutionStatus
             * @function getTypeUrl
             * @memberof flux.v1.ExecutionStatus
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ExecutionStatus.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/flux.v1.ExecutionStatus";
            };

            return ExecutionStatus;
        })();

        return v1;
    })();

    return flux;
})();

export {
  $root as default
};
