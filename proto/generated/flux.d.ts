import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace flux. */
export namespace flux {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Payload.
         * @deprecated Use flux.v1.Payload.$Properties instead.
         */
        interface IPayload extends flux.v1.Payload.$Properties {
        }

        /** Represents a Payload. */
        class Payload {

            /**
             * Constructs a new Payload.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.Payload.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Payload contentType. */
            contentType: string;

            /** Payload data. */
            data: Uint8Array;

            /**
             * Creates a new Payload instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Payload instance
             */
            static create(properties: flux.v1.Payload.$Shape): flux.v1.Payload & flux.v1.Payload.$Shape;
            static create(properties?: flux.v1.Payload.$Properties): flux.v1.Payload;

            /**
             * Encodes the specified Payload message. Does not implicitly {@link flux.v1.Payload.verify|verify} messages.
             * @param message Payload message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.Payload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Payload message, length delimited. Does not implicitly {@link flux.v1.Payload.verify|verify} messages.
             * @param message Payload message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.Payload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Payload message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.Payload & flux.v1.Payload.$Shape} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.Payload & flux.v1.Payload.$Shape;

            /**
             * Decodes a Payload message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.Payload & flux.v1.Payload.$Shape} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.Payload & flux.v1.Payload.$Shape;

            /**
             * Verifies a Payload message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Payload message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Payload
             */
            static fromObject(object: { [k: string]: any }): flux.v1.Payload;

            /**
             * Creates a plain object from a Payload message. Also converts values to other types if specified.
             * @param message Payload
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.Payload, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Payload to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Payload
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Payload {

            /** Properties of a Payload. */
            interface $Properties {

                /** Payload contentType */
                contentType?: (string|null);

                /** Payload data */
                data?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Payload. */
            type $Shape = flux.v1.Payload.$Properties;
        }

        /**
         * Properties of an ErrorInfo.
         * @deprecated Use flux.v1.ErrorInfo.$Properties instead.
         */
        interface IErrorInfo extends flux.v1.ErrorInfo.$Properties {
        }

        /** Represents an ErrorInfo. */
        class ErrorInfo {

            /**
             * Constructs a new ErrorInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.ErrorInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ErrorInfo name. */
            name: string;

            /** ErrorInfo message. */
            message: string;

            /** ErrorInfo code. */
            code: string;

            /** ErrorInfo details. */
            details?: (flux.v1.Payload.$Properties|null);

            /** ErrorInfo stack. */
            stack: string;

            /** ErrorInfo cause. */
            cause?: (flux.v1.ErrorInfo.$Properties|null);

            /**
             * Creates a new ErrorInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ErrorInfo instance
             */
            static create(properties: flux.v1.ErrorInfo.$Shape): flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape;
            static create(properties?: flux.v1.ErrorInfo.$Properties): flux.v1.ErrorInfo;

            /**
             * Encodes the specified ErrorInfo message. Does not implicitly {@link flux.v1.ErrorInfo.verify|verify} messages.
             * @param message ErrorInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.ErrorInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ErrorInfo message, length delimited. Does not implicitly {@link flux.v1.ErrorInfo.verify|verify} messages.
             * @param message ErrorInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.ErrorInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape;

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.ErrorInfo & flux.v1.ErrorInfo.$Shape;

            /**
             * Verifies an ErrorInfo message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ErrorInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ErrorInfo
             */
            static fromObject(object: { [k: string]: any }): flux.v1.ErrorInfo;

            /**
             * Creates a plain object from an ErrorInfo message. Also converts values to other types if specified.
             * @param message ErrorInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.ErrorInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ErrorInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ErrorInfo
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ErrorInfo {

            /** Properties of an ErrorInfo. */
            interface $Properties {

                /** ErrorInfo name */
                name?: (string|null);

                /** ErrorInfo message */
                message?: (string|null);

                /** ErrorInfo code */
                code?: (string|null);

                /** ErrorInfo details */
                details?: (flux.v1.Payload.$Properties|null);

                /** ErrorInfo stack */
                stack?: (string|null);

                /** ErrorInfo cause */
                cause?: (flux.v1.ErrorInfo.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ErrorInfo. */
            type $Shape = flux.v1.ErrorInfo.$Properties;
        }

        /**
         * Properties of a TaskCommand.
         * @deprecated Use flux.v1.TaskCommand.$Properties instead.
         */
        interface ITaskCommand extends flux.v1.TaskCommand.$Properties {
        }

        /** Represents a TaskCommand. */
        class TaskCommand {

            /**
             * Constructs a new TaskCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.TaskCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskCommand executionId. */
            executionId: string;

            /** TaskCommand taskId. */
            taskId: string;

            /** TaskCommand taskName. */
            taskName: string;

            /** TaskCommand attempt. */
            attempt: number;

            /** TaskCommand args. */
            args?: (flux.v1.Payload.$Properties|null);

            /** TaskCommand resume. */
            resume?: (flux.v1.TaskResume.$Properties|null);

            /** TaskCommand secretRequests. */
            secretRequests: string[];

            /**
             * Creates a new TaskCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskCommand instance
             */
            static create(properties: flux.v1.TaskCommand.$Shape): flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape;
            static create(properties?: flux.v1.TaskCommand.$Properties): flux.v1.TaskCommand;

            /**
             * Encodes the specified TaskCommand message. Does not implicitly {@link flux.v1.TaskCommand.verify|verify} messages.
             * @param message TaskCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.TaskCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TaskCommand message, length delimited. Does not implicitly {@link flux.v1.TaskCommand.verify|verify} messages.
             * @param message TaskCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.TaskCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape} TaskCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape;

            /**
             * Decodes a TaskCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape} TaskCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.TaskCommand & flux.v1.TaskCommand.$Shape;

            /**
             * Verifies a TaskCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TaskCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.TaskCommand;

            /**
             * Creates a plain object from a TaskCommand message. Also converts values to other types if specified.
             * @param message TaskCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.TaskCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TaskCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TaskCommand {

            /** Properties of a TaskCommand. */
            interface $Properties {

                /** TaskCommand executionId */
                executionId?: (string|null);

                /** TaskCommand taskId */
                taskId?: (string|null);

                /** TaskCommand taskName */
                taskName?: (string|null);

                /** TaskCommand attempt */
                attempt?: (number|null);

                /** TaskCommand args */
                args?: (flux.v1.Payload.$Properties|null);

                /** TaskCommand resume */
                resume?: (flux.v1.TaskResume.$Properties|null);

                /** TaskCommand secretRequests */
                secretRequests?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskCommand. */
            type $Shape = flux.v1.TaskCommand.$Properties;
        }

        /**
         * Properties of a TaskResume.
         * @deprecated Use flux.v1.TaskResume.$Properties instead.
         */
        interface ITaskResume extends flux.v1.TaskResume.$Properties {
        }

        /** Represents a TaskResume. */
        class TaskResume {

            /**
             * Constructs a new TaskResume.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.TaskResume.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskResume phase. */
            phase: string;

            /** TaskResume notBeforeMs. */
            notBeforeMs: (number|Long);

            /** TaskResume lastError. */
            lastError?: (flux.v1.ErrorInfo.$Properties|null);

            /**
             * Creates a new TaskResume instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskResume instance
             */
            static create(properties: flux.v1.TaskResume.$Shape): flux.v1.TaskResume & flux.v1.TaskResume.$Shape;
            static create(properties?: flux.v1.TaskResume.$Properties): flux.v1.TaskResume;

            /**
             * Encodes the specified TaskResume message. Does not implicitly {@link flux.v1.TaskResume.verify|verify} messages.
             * @param message TaskResume message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.TaskResume.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TaskResume message, length delimited. Does not implicitly {@link flux.v1.TaskResume.verify|verify} messages.
             * @param message TaskResume message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.TaskResume.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskResume message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.TaskResume & flux.v1.TaskResume.$Shape} TaskResume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.TaskResume & flux.v1.TaskResume.$Shape;

            /**
             * Decodes a TaskResume message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.TaskResume & flux.v1.TaskResume.$Shape} TaskResume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.TaskResume & flux.v1.TaskResume.$Shape;

            /**
             * Verifies a TaskResume message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TaskResume message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskResume
             */
            static fromObject(object: { [k: string]: any }): flux.v1.TaskResume;

            /**
             * Creates a plain object from a TaskResume message. Also converts values to other types if specified.
             * @param message TaskResume
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.TaskResume, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskResume to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TaskResume
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TaskResume {

            /** Properties of a TaskResume. */
            interface $Properties {

                /** TaskResume phase */
                phase?: (string|null);

                /** TaskResume notBeforeMs */
                notBeforeMs?: (number|Long|null);

                /** TaskResume lastError */
                lastError?: (flux.v1.ErrorInfo.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskResume. */
            type $Shape = flux.v1.TaskResume.$Properties;
        }

        /**
         * Properties of a TaskResult.
         * @deprecated Use flux.v1.TaskResult.$Properties instead.
         */
        interface ITaskResult extends flux.v1.TaskResult.$Properties {
        }

        /** Represents a TaskResult. */
        class TaskResult {

            /**
             * Constructs a new TaskResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.TaskResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskResult executionId. */
            executionId: string;

            /** TaskResult taskId. */
            taskId: string;

            /** TaskResult attempt. */
            attempt: number;

            /** TaskResult output. */
            output?: (flux.v1.Payload.$Properties|null);

            /** TaskResult error. */
            error?: (flux.v1.ErrorInfo.$Properties|null);

            /** TaskResult progress. */
            progress?: (flux.v1.TaskProgress.$Properties|null);

            /** TaskResult outcome. */
            outcome?: ("output"|"error"|"progress");

            /**
             * Creates a new TaskResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskResult instance
             */
            static create(properties: flux.v1.TaskResult.$Shape): flux.v1.TaskResult & flux.v1.TaskResult.$Shape;
            static create(properties?: flux.v1.TaskResult.$Properties): flux.v1.TaskResult;

            /**
             * Encodes the specified TaskResult message. Does not implicitly {@link flux.v1.TaskResult.verify|verify} messages.
             * @param message TaskResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.TaskResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TaskResult message, length delimited. Does not implicitly {@link flux.v1.TaskResult.verify|verify} messages.
             * @param message TaskResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.TaskResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.TaskResult & flux.v1.TaskResult.$Shape} TaskResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.TaskResult & flux.v1.TaskResult.$Shape;

            /**
             * Decodes a TaskResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.TaskResult & flux.v1.TaskResult.$Shape} TaskResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.TaskResult & flux.v1.TaskResult.$Shape;

            /**
             * Verifies a TaskResult message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TaskResult message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskResult
             */
            static fromObject(object: { [k: string]: any }): flux.v1.TaskResult;

            /**
             * Creates a plain object from a TaskResult message. Also converts values to other types if specified.
             * @param message TaskResult
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.TaskResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TaskResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TaskResult {

            /** Properties of a TaskResult. */
            interface $Properties {

                /** TaskResult executionId */
                executionId?: (string|null);

                /** TaskResult taskId */
                taskId?: (string|null);

                /** TaskResult attempt */
                attempt?: (number|null);

                /** TaskResult output */
                output?: (flux.v1.Payload.$Properties|null);

                /** TaskResult error */
                error?: (flux.v1.ErrorInfo.$Properties|null);

                /** TaskResult progress */
                progress?: (flux.v1.TaskProgress.$Properties|null);

                /** TaskResult outcome */
                outcome?: ("output"|"error"|"progress");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a TaskResult. */
            type $Shape = {
              executionId?: string|null;
              taskId?: string|null;
              attempt?: number|null;
              output?: flux.v1.Payload.$Shape|null;
              error?: flux.v1.ErrorInfo.$Shape|null;
              progress?: flux.v1.TaskProgress.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ outcome?: undefined; output?: null; error?: null; progress?: null }|{ outcome?: "output"; output: flux.v1.Payload.$Shape; error?: null; progress?: null }|{ outcome?: "error"; output?: null; error: flux.v1.ErrorInfo.$Shape; progress?: null }|{ outcome?: "progress"; output?: null; error?: null; progress: flux.v1.TaskProgress.$Shape })
            );
        }

        /**
         * Properties of a TaskProgress.
         * @deprecated Use flux.v1.TaskProgress.$Properties instead.
         */
        interface ITaskProgress extends flux.v1.TaskProgress.$Properties {
        }

        /** Represents a TaskProgress. */
        class TaskProgress {

            /**
             * Constructs a new TaskProgress.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.TaskProgress.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskProgress type. */
            type: string;

            /** TaskProgress value. */
            value?: (flux.v1.Payload.$Properties|null);

            /**
             * Creates a new TaskProgress instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskProgress instance
             */
            static create(properties: flux.v1.TaskProgress.$Shape): flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape;
            static create(properties?: flux.v1.TaskProgress.$Properties): flux.v1.TaskProgress;

            /**
             * Encodes the specified TaskProgress message. Does not implicitly {@link flux.v1.TaskProgress.verify|verify} messages.
             * @param message TaskProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.TaskProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TaskProgress message, length delimited. Does not implicitly {@link flux.v1.TaskProgress.verify|verify} messages.
             * @param message TaskProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.TaskProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskProgress message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape} TaskProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape;

            /**
             * Decodes a TaskProgress message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape} TaskProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.TaskProgress & flux.v1.TaskProgress.$Shape;

            /**
             * Verifies a TaskProgress message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TaskProgress message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskProgress
             */
            static fromObject(object: { [k: string]: any }): flux.v1.TaskProgress;

            /**
             * Creates a plain object from a TaskProgress message. Also converts values to other types if specified.
             * @param message TaskProgress
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.TaskProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskProgress to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TaskProgress
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TaskProgress {

            /** Properties of a TaskProgress. */
            interface $Properties {

                /** TaskProgress type */
                type?: (string|null);

                /** TaskProgress value */
                value?: (flux.v1.Payload.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskProgress. */
            type $Shape = flux.v1.TaskProgress.$Properties;
        }

        /**
         * Properties of a TaskRef.
         * @deprecated Use flux.v1.TaskRef.$Properties instead.
         */
        interface ITaskRef extends flux.v1.TaskRef.$Properties {
        }

        /** Represents a TaskRef. */
        class TaskRef {

            /**
             * Constructs a new TaskRef.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.TaskRef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskRef executionId. */
            executionId: string;

            /** TaskRef taskId. */
            taskId: string;

            /**
             * Creates a new TaskRef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskRef instance
             */
            static create(properties: flux.v1.TaskRef.$Shape): flux.v1.TaskRef & flux.v1.TaskRef.$Shape;
            static create(properties?: flux.v1.TaskRef.$Properties): flux.v1.TaskRef;

            /**
             * Encodes the specified TaskRef message. Does not implicitly {@link flux.v1.TaskRef.verify|verify} messages.
             * @param message TaskRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.TaskRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TaskRef message, length delimited. Does not implicitly {@link flux.v1.TaskRef.verify|verify} messages.
             * @param message TaskRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.TaskRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskRef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.TaskRef & flux.v1.TaskRef.$Shape} TaskRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.TaskRef & flux.v1.TaskRef.$Shape;

            /**
             * Decodes a TaskRef message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.TaskRef & flux.v1.TaskRef.$Shape} TaskRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.TaskRef & flux.v1.TaskRef.$Shape;

            /**
             * Verifies a TaskRef message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TaskRef message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskRef
             */
            static fromObject(object: { [k: string]: any }): flux.v1.TaskRef;

            /**
             * Creates a plain object from a TaskRef message. Also converts values to other types if specified.
             * @param message TaskRef
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.TaskRef, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskRef to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TaskRef
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TaskRef {

            /** Properties of a TaskRef. */
            interface $Properties {

                /** TaskRef executionId */
                executionId?: (string|null);

                /** TaskRef taskId */
                taskId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskRef. */
            type $Shape = flux.v1.TaskRef.$Properties;
        }

        /**
         * Properties of an ExecutorProbe.
         * @deprecated Use flux.v1.ExecutorProbe.$Properties instead.
         */
        interface IExecutorProbe extends flux.v1.ExecutorProbe.$Properties {
        }

        /** Represents an ExecutorProbe. */
        class ExecutorProbe {

            /**
             * Constructs a new ExecutorProbe.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.ExecutorProbe.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExecutorProbe calls. */
            calls: flux.v1.TaskRef.$Properties[];

            /**
             * Creates a new ExecutorProbe instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecutorProbe instance
             */
            static create(properties: flux.v1.ExecutorProbe.$Shape): flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape;
            static create(properties?: flux.v1.ExecutorProbe.$Properties): flux.v1.ExecutorProbe;

            /**
             * Encodes the specified ExecutorProbe message. Does not implicitly {@link flux.v1.ExecutorProbe.verify|verify} messages.
             * @param message ExecutorProbe message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.ExecutorProbe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ExecutorProbe message, length delimited. Does not implicitly {@link flux.v1.ExecutorProbe.verify|verify} messages.
             * @param message ExecutorProbe message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.ExecutorProbe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecutorProbe message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape} ExecutorProbe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape;

            /**
             * Decodes an ExecutorProbe message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape} ExecutorProbe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.ExecutorProbe & flux.v1.ExecutorProbe.$Shape;

            /**
             * Verifies an ExecutorProbe message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ExecutorProbe message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecutorProbe
             */
            static fromObject(object: { [k: string]: any }): flux.v1.ExecutorProbe;

            /**
             * Creates a plain object from an ExecutorProbe message. Also converts values to other types if specified.
             * @param message ExecutorProbe
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.ExecutorProbe, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecutorProbe to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ExecutorProbe
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ExecutorProbe {

            /** Properties of an ExecutorProbe. */
            interface $Properties {

                /** ExecutorProbe calls */
                calls?: (flux.v1.TaskRef.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExecutorProbe. */
            type $Shape = flux.v1.ExecutorProbe.$Properties;
        }

        /**
         * Properties of an ExecutorProbeReply.
         * @deprecated Use flux.v1.ExecutorProbeReply.$Properties instead.
         */
        interface IExecutorProbeReply extends flux.v1.ExecutorProbeReply.$Properties {
        }

        /** Represents an ExecutorProbeReply. */
        class ExecutorProbeReply {

            /**
             * Constructs a new ExecutorProbeReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.ExecutorProbeReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExecutorProbeReply notRunning. */
            notRunning: flux.v1.TaskRef.$Properties[];

            /** ExecutorProbeReply error. */
            error?: (flux.v1.ErrorInfo.$Properties|null);

            /**
             * Creates a new ExecutorProbeReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecutorProbeReply instance
             */
            static create(properties: flux.v1.ExecutorProbeReply.$Shape): flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape;
            static create(properties?: flux.v1.ExecutorProbeReply.$Properties): flux.v1.ExecutorProbeReply;

            /**
             * Encodes the specified ExecutorProbeReply message. Does not implicitly {@link flux.v1.ExecutorProbeReply.verify|verify} messages.
             * @param message ExecutorProbeReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.ExecutorProbeReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ExecutorProbeReply message, length delimited. Does not implicitly {@link flux.v1.ExecutorProbeReply.verify|verify} messages.
             * @param message ExecutorProbeReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.ExecutorProbeReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecutorProbeReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape} ExecutorProbeReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape;

            /**
             * Decodes an ExecutorProbeReply message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape} ExecutorProbeReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.ExecutorProbeReply & flux.v1.ExecutorProbeReply.$Shape;

            /**
             * Verifies an ExecutorProbeReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ExecutorProbeReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecutorProbeReply
             */
            static fromObject(object: { [k: string]: any }): flux.v1.ExecutorProbeReply;

            /**
             * Creates a plain object from an ExecutorProbeReply message. Also converts values to other types if specified.
             * @param message ExecutorProbeReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.ExecutorProbeReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecutorProbeReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ExecutorProbeReply
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ExecutorProbeReply {

            /** Properties of an ExecutorProbeReply. */
            interface $Properties {

                /** ExecutorProbeReply notRunning */
                notRunning?: (flux.v1.TaskRef.$Properties[]|null);

                /** ExecutorProbeReply error */
                error?: (flux.v1.ErrorInfo.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExecutorProbeReply. */
            type $Shape = flux.v1.ExecutorProbeReply.$Properties;
        }

        /**
         * Properties of an ExecutionEvent.
         * @deprecated Use flux.v1.ExecutionEvent.$Properties instead.
         */
        interface IExecutionEvent extends flux.v1.ExecutionEvent.$Properties {
        }

        /** Represents an ExecutionEvent. */
        class ExecutionEvent {

            /**
             * Constructs a new ExecutionEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.ExecutionEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExecutionEvent id. */
            id: string;

            /** ExecutionEvent type. */
            type: string;

            /** ExecutionEvent sourceId. */
            sourceId: string;

            /** ExecutionEvent name. */
            name: string;

            /** ExecutionEvent value. */
            value?: (flux.v1.Payload.$Properties|null);

            /** ExecutionEvent time. */
            time: string;

            /** ExecutionEvent seq. */
            seq: number;

            /** ExecutionEvent quick. */
            quick: boolean;

            /** ExecutionEvent version. */
            version: string;

            /**
             * Creates a new ExecutionEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecutionEvent instance
             */
            static create(properties: flux.v1.ExecutionEvent.$Shape): flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape;
            static create(properties?: flux.v1.ExecutionEvent.$Properties): flux.v1.ExecutionEvent;

            /**
             * Encodes the specified ExecutionEvent message. Does not implicitly {@link flux.v1.ExecutionEvent.verify|verify} messages.
             * @param message ExecutionEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.ExecutionEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ExecutionEvent message, length delimited. Does not implicitly {@link flux.v1.ExecutionEvent.verify|verify} messages.
             * @param message ExecutionEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.ExecutionEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecutionEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape} ExecutionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape;

            /**
             * Decodes an ExecutionEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape} ExecutionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.ExecutionEvent & flux.v1.ExecutionEvent.$Shape;

            /**
             * Verifies an ExecutionEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ExecutionEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecutionEvent
             */
            static fromObject(object: { [k: string]: any }): flux.v1.ExecutionEvent;

            /**
             * Creates a plain object from an ExecutionEvent message. Also converts values to other types if specified.
             * @param message ExecutionEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.ExecutionEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecutionEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ExecutionEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ExecutionEvent {

            /** Properties of an ExecutionEvent. */
            interface $Properties {

                /** ExecutionEvent id */
                id?: (string|null);

                /** ExecutionEvent type */
                type?: (string|null);

                /** ExecutionEvent sourceId */
                sourceId?: (string|null);

                /** ExecutionEvent name */
                name?: (string|null);

                /** ExecutionEvent value */
                value?: (flux.v1.Payload.$Properties|null);

                /** ExecutionEvent time */
                time?: (string|null);

                /** ExecutionEvent seq */
                seq?: (number|null);

                /** ExecutionEvent quick */
                quick?: (boolean|null);

                /** ExecutionEvent version */
                version?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExecutionEvent. */
            type $Shape = flux.v1.ExecutionEvent.$Properties;
        }

        /**
         * Properties of an EventBatch.
         * @deprecated Use flux.v1.EventBatch.$Properties instead.
         */
        interface IEventBatch extends flux.v1.EventBatch.$Properties {
        }

        /** Represents an EventBatch. */
        class EventBatch {

            /**
             * Constructs a new EventBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.EventBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EventBatch events. */
            events: flux.v1.ExecutionEvent.$Properties[];

            /**
             * Creates a new EventBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EventBatch instance
             */
            static create(properties: flux.v1.EventBatch.$Shape): flux.v1.EventBatch & flux.v1.EventBatch.$Shape;
            static create(properties?: flux.v1.EventBatch.$Properties): flux.v1.EventBatch;

            /**
             * Encodes the specified EventBatch message. Does not implicitly {@link flux.v1.EventBatch.verify|verify} messages.
             * @param message EventBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.EventBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EventBatch message, length delimited. Does not implicitly {@link flux.v1.EventBatch.verify|verify} messages.
             * @param message EventBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.EventBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.EventBatch & flux.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.EventBatch & flux.v1.EventBatch.$Shape;

            /**
             * Decodes an EventBatch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.EventBatch & flux.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.EventBatch & flux.v1.EventBatch.$Shape;

            /**
             * Verifies an EventBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an EventBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EventBatch
             */
            static fromObject(object: { [k: string]: any }): flux.v1.EventBatch;

            /**
             * Creates a plain object from an EventBatch message. Also converts values to other types if specified.
             * @param message EventBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.EventBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EventBatch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EventBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EventBatch {

            /** Properties of an EventBatch. */
            interface $Properties {

                /** EventBatch events */
                events?: (flux.v1.ExecutionEvent.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EventBatch. */
            type $Shape = flux.v1.EventBatch.$Properties;
        }

        /**
         * Properties of a StartCommand.
         * @deprecated Use flux.v1.StartCommand.$Properties instead.
         */
        interface IStartCommand extends flux.v1.StartCommand.$Properties {
        }

        /** Represents a StartCommand. */
        class StartCommand {

            /**
             * Constructs a new StartCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.StartCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StartCommand workflow. */
            workflow: string;

            /** StartCommand executionId. */
            executionId: string;

            /** StartCommand input. */
            input?: (flux.v1.Payload.$Properties|null);

            /** StartCommand version. */
            version: string;

            /** StartCommand idReuse. */
            idReuse: string;

            /** StartCommand seenEvents. */
            seenEvents: number;

            /**
             * Creates a new StartCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StartCommand instance
             */
            static create(properties: flux.v1.StartCommand.$Shape): flux.v1.StartCommand & flux.v1.StartCommand.$Shape;
            static create(properties?: flux.v1.StartCommand.$Properties): flux.v1.StartCommand;

            /**
             * Encodes the specified StartCommand message. Does not implicitly {@link flux.v1.StartCommand.verify|verify} messages.
             * @param message StartCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.StartCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified StartCommand message, length delimited. Does not implicitly {@link flux.v1.StartCommand.verify|verify} messages.
             * @param message StartCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.StartCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StartCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.StartCommand & flux.v1.StartCommand.$Shape} StartCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.StartCommand & flux.v1.StartCommand.$Shape;

            /**
             * Decodes a StartCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.StartCommand & flux.v1.StartCommand.$Shape} StartCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.StartCommand & flux.v1.StartCommand.$Shape;

            /**
             * Verifies a StartCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StartCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StartCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.StartCommand;

            /**
             * Creates a plain object from a StartCommand message. Also converts values to other types if specified.
             * @param message StartCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.StartCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StartCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StartCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StartCommand {

            /** Properties of a StartCommand. */
            interface $Properties {

                /** StartCommand workflow */
                workflow?: (string|null);

                /** StartCommand executionId */
                executionId?: (string|null);

                /** StartCommand input */
                input?: (flux.v1.Payload.$Properties|null);

                /** StartCommand version */
                version?: (string|null);

                /** StartCommand idReuse */
                idReuse?: (string|null);

                /** StartCommand seenEvents */
                seenEvents?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StartCommand. */
            type $Shape = flux.v1.StartCommand.$Properties;
        }

        /**
         * Properties of a ResumeCommand.
         * @deprecated Use flux.v1.ResumeCommand.$Properties instead.
         */
        interface IResumeCommand extends flux.v1.ResumeCommand.$Properties {
        }

        /** Represents a ResumeCommand. */
        class ResumeCommand {

            /**
             * Constructs a new ResumeCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.ResumeCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ResumeCommand workflow. */
            workflow: string;

            /** ResumeCommand executionId. */
            executionId: string;

            /** ResumeCommand value. */
            value?: (flux.v1.Payload.$Properties|null);

            /** ResumeCommand pause. */
            pause: string;

            /**
             * Creates a new ResumeCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ResumeCommand instance
             */
            static create(properties: flux.v1.ResumeCommand.$Shape): flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape;
            static create(properties?: flux.v1.ResumeCommand.$Properties): flux.v1.ResumeCommand;

            /**
             * Encodes the specified ResumeCommand message. Does not implicitly {@link flux.v1.ResumeCommand.verify|verify} messages.
             * @param message ResumeCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.ResumeCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ResumeCommand message, length delimited. Does not implicitly {@link flux.v1.ResumeCommand.verify|verify} messages.
             * @param message ResumeCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.ResumeCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ResumeCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape} ResumeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape;

            /**
             * Decodes a ResumeCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape} ResumeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.ResumeCommand & flux.v1.ResumeCommand.$Shape;

            /**
             * Verifies a ResumeCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ResumeCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ResumeCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.ResumeCommand;

            /**
             * Creates a plain object from a ResumeCommand message. Also converts values to other types if specified.
             * @param message ResumeCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.ResumeCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ResumeCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ResumeCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ResumeCommand {

            /** Properties of a ResumeCommand. */
            interface $Properties {

                /** ResumeCommand workflow */
                workflow?: (string|null);

                /** ResumeCommand executionId */
                executionId?: (string|null);

                /** ResumeCommand value */
                value?: (flux.v1.Payload.$Properties|null);

                /** ResumeCommand pause */
                pause?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ResumeCommand. */
            type $Shape = flux.v1.ResumeCommand.$Properties;
        }

        /**
         * Properties of a WakeCommand.
         * @deprecated Use flux.v1.WakeCommand.$Properties instead.
         */
        interface IWakeCommand extends flux.v1.WakeCommand.$Properties {
        }

        /** Represents a WakeCommand. */
        class WakeCommand {

            /**
             * Constructs a new WakeCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.WakeCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WakeCommand workflow. */
            workflow: string;

            /** WakeCommand executionId. */
            executionId: string;

            /** WakeCommand revision. */
            revision: (number|Long);

            /**
             * Creates a new WakeCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WakeCommand instance
             */
            static create(properties: flux.v1.WakeCommand.$Shape): flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape;
            static create(properties?: flux.v1.WakeCommand.$Properties): flux.v1.WakeCommand;

            /**
             * Encodes the specified WakeCommand message. Does not implicitly {@link flux.v1.WakeCommand.verify|verify} messages.
             * @param message WakeCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.WakeCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified WakeCommand message, length delimited. Does not implicitly {@link flux.v1.WakeCommand.verify|verify} messages.
             * @param message WakeCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.WakeCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WakeCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape} WakeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape;

            /**
             * Decodes a WakeCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape} WakeCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.WakeCommand & flux.v1.WakeCommand.$Shape;

            /**
             * Verifies a WakeCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WakeCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WakeCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.WakeCommand;

            /**
             * Creates a plain object from a WakeCommand message. Also converts values to other types if specified.
             * @param message WakeCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.WakeCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WakeCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for WakeCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WakeCommand {

            /** Properties of a WakeCommand. */
            interface $Properties {

                /** WakeCommand workflow */
                workflow?: (string|null);

                /** WakeCommand executionId */
                executionId?: (string|null);

                /** WakeCommand revision */
                revision?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WakeCommand. */
            type $Shape = flux.v1.WakeCommand.$Properties;
        }

        /**
         * Properties of a CancelCommand.
         * @deprecated Use flux.v1.CancelCommand.$Properties instead.
         */
        interface ICancelCommand extends flux.v1.CancelCommand.$Properties {
        }

        /** Represents a CancelCommand. */
        class CancelCommand {

            /**
             * Constructs a new CancelCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.CancelCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelCommand workflow. */
            workflow: string;

            /** CancelCommand executionId. */
            executionId: string;

            /** CancelCommand rollback. */
            rollback: boolean;

            /**
             * Creates a new CancelCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelCommand instance
             */
            static create(properties: flux.v1.CancelCommand.$Shape): flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape;
            static create(properties?: flux.v1.CancelCommand.$Properties): flux.v1.CancelCommand;

            /**
             * Encodes the specified CancelCommand message. Does not implicitly {@link flux.v1.CancelCommand.verify|verify} messages.
             * @param message CancelCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.CancelCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CancelCommand message, length delimited. Does not implicitly {@link flux.v1.CancelCommand.verify|verify} messages.
             * @param message CancelCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.CancelCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape} CancelCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape;

            /**
             * Decodes a CancelCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape} CancelCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.CancelCommand & flux.v1.CancelCommand.$Shape;

            /**
             * Verifies a CancelCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CancelCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.CancelCommand;

            /**
             * Creates a plain object from a CancelCommand message. Also converts values to other types if specified.
             * @param message CancelCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.CancelCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CancelCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CancelCommand {

            /** Properties of a CancelCommand. */
            interface $Properties {

                /** CancelCommand workflow */
                workflow?: (string|null);

                /** CancelCommand executionId */
                executionId?: (string|null);

                /** CancelCommand rollback */
                rollback?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelCommand. */
            type $Shape = flux.v1.CancelCommand.$Properties;
        }

        /**
         * Properties of a RetryCommand.
         * @deprecated Use flux.v1.RetryCommand.$Properties instead.
         */
        interface IRetryCommand extends flux.v1.RetryCommand.$Properties {
        }

        /** Represents a RetryCommand. */
        class RetryCommand {

            /**
             * Constructs a new RetryCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.RetryCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RetryCommand workflow. */
            workflow: string;

            /** RetryCommand executionId. */
            executionId: string;

            /**
             * Creates a new RetryCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RetryCommand instance
             */
            static create(properties: flux.v1.RetryCommand.$Shape): flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape;
            static create(properties?: flux.v1.RetryCommand.$Properties): flux.v1.RetryCommand;

            /**
             * Encodes the specified RetryCommand message. Does not implicitly {@link flux.v1.RetryCommand.verify|verify} messages.
             * @param message RetryCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.RetryCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RetryCommand message, length delimited. Does not implicitly {@link flux.v1.RetryCommand.verify|verify} messages.
             * @param message RetryCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.RetryCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RetryCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape} RetryCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape;

            /**
             * Decodes a RetryCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape} RetryCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.RetryCommand & flux.v1.RetryCommand.$Shape;

            /**
             * Verifies a RetryCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RetryCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RetryCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.RetryCommand;

            /**
             * Creates a plain object from a RetryCommand message. Also converts values to other types if specified.
             * @param message RetryCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.RetryCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RetryCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RetryCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RetryCommand {

            /** Properties of a RetryCommand. */
            interface $Properties {

                /** RetryCommand workflow */
                workflow?: (string|null);

                /** RetryCommand executionId */
                executionId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RetryCommand. */
            type $Shape = flux.v1.RetryCommand.$Properties;
        }

        /**
         * Properties of a ForkCommand.
         * @deprecated Use flux.v1.ForkCommand.$Properties instead.
         */
        interface IForkCommand extends flux.v1.ForkCommand.$Properties {
        }

        /** Represents a ForkCommand. */
        class ForkCommand {

            /**
             * Constructs a new ForkCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.ForkCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ForkCommand workflow. */
            workflow: string;

            /** ForkCommand executionId. */
            executionId: string;

            /** ForkCommand fromStep. */
            fromStep: string;

            /** ForkCommand forkId. */
            forkId: string;

            /**
             * Creates a new ForkCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ForkCommand instance
             */
            static create(properties: flux.v1.ForkCommand.$Shape): flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape;
            static create(properties?: flux.v1.ForkCommand.$Properties): flux.v1.ForkCommand;

            /**
             * Encodes the specified ForkCommand message. Does not implicitly {@link flux.v1.ForkCommand.verify|verify} messages.
             * @param message ForkCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.ForkCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ForkCommand message, length delimited. Does not implicitly {@link flux.v1.ForkCommand.verify|verify} messages.
             * @param message ForkCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.ForkCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ForkCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape} ForkCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape;

            /**
             * Decodes a ForkCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape} ForkCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.ForkCommand & flux.v1.ForkCommand.$Shape;

            /**
             * Verifies a ForkCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ForkCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ForkCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.ForkCommand;

            /**
             * Creates a plain object from a ForkCommand message. Also converts values to other types if specified.
             * @param message ForkCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.ForkCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ForkCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ForkCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ForkCommand {

            /** Properties of a ForkCommand. */
            interface $Properties {

                /** ForkCommand workflow */
                workflow?: (string|null);

                /** ForkCommand executionId */
                executionId?: (string|null);

                /** ForkCommand fromStep */
                fromStep?: (string|null);

                /** ForkCommand forkId */
                forkId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ForkCommand. */
            type $Shape = flux.v1.ForkCommand.$Properties;
        }

        /**
         * Properties of a DeleteCommand.
         * @deprecated Use flux.v1.DeleteCommand.$Properties instead.
         */
        interface IDeleteCommand extends flux.v1.DeleteCommand.$Properties {
        }

        /** Represents a DeleteCommand. */
        class DeleteCommand {

            /**
             * Constructs a new DeleteCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.DeleteCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeleteCommand workflow. */
            workflow: string;

            /** DeleteCommand executionId. */
            executionId: string;

            /**
             * Creates a new DeleteCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteCommand instance
             */
            static create(properties: flux.v1.DeleteCommand.$Shape): flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape;
            static create(properties?: flux.v1.DeleteCommand.$Properties): flux.v1.DeleteCommand;

            /**
             * Encodes the specified DeleteCommand message. Does not implicitly {@link flux.v1.DeleteCommand.verify|verify} messages.
             * @param message DeleteCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.DeleteCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeleteCommand message, length delimited. Does not implicitly {@link flux.v1.DeleteCommand.verify|verify} messages.
             * @param message DeleteCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.DeleteCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape} DeleteCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape;

            /**
             * Decodes a DeleteCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape} DeleteCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.DeleteCommand & flux.v1.DeleteCommand.$Shape;

            /**
             * Verifies a DeleteCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeleteCommand
             */
            static fromObject(object: { [k: string]: any }): flux.v1.DeleteCommand;

            /**
             * Creates a plain object from a DeleteCommand message. Also converts values to other types if specified.
             * @param message DeleteCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.DeleteCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeleteCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeleteCommand {

            /** Properties of a DeleteCommand. */
            interface $Properties {

                /** DeleteCommand workflow */
                workflow?: (string|null);

                /** DeleteCommand executionId */
                executionId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeleteCommand. */
            type $Shape = flux.v1.DeleteCommand.$Properties;
        }

        /**
         * Properties of an ExecutionStatus.
         * @deprecated Use flux.v1.ExecutionStatus.$Properties instead.
         */
        interface IExecutionStatus extends flux.v1.ExecutionStatus.$Properties {
        }

        /** Represents an ExecutionStatus. */
        class ExecutionStatus {

            /**
             * Constructs a new ExecutionStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: flux.v1.ExecutionStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExecutionStatus executionId. */
            executionId: string;

            /** ExecutionStatus workflow. */
            workflow: string;

            /** ExecutionStatus state. */
            state: string;

            /** ExecutionStatus createdAt. */
            createdAt: string;

            /** ExecutionStatus updatedAt. */
            updatedAt: string;

            /** ExecutionStatus error. */
            error?: (flux.v1.ErrorInfo.$Properties|null);

            /**
             * Creates a new ExecutionStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecutionStatus instance
             */
            static create(properties: flux.v1.ExecutionStatus.$Shape): flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape;
            static create(properties?: flux.v1.ExecutionStatus.$Properties): flux.v1.ExecutionStatus;

            /**
             * Encodes the specified ExecutionStatus message. Does not implicitly {@link flux.v1.ExecutionStatus.verify|verify} messages.
             * @param message ExecutionStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: flux.v1.ExecutionStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ExecutionStatus message, length delimited. Does not implicitly {@link flux.v1.ExecutionStatus.verify|verify} messages.
             * @param message ExecutionStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: flux.v1.ExecutionStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecutionStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape} ExecutionStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape;

            /**
             * Decodes an ExecutionStatus message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape} ExecutionStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): flux.v1.ExecutionStatus & flux.v1.ExecutionStatus.$Shape;

            /**
             * Verifies an ExecutionStatus message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ExecutionStatus message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecutionStatus
             */
            static fromObject(object: { [k: string]: any }): flux.v1.ExecutionStatus;

            /**
             * Creates a plain object from an ExecutionStatus message. Also converts values to other types if specified.
             * @param message ExecutionStatus
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: flux.v1.ExecutionStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecutionStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ExecutionStatus
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ExecutionStatus {

            /** Properties of an ExecutionStatus. */
            interface $Properties {

                /** ExecutionStatus executionId */
                executionId?: (string|null);

                /** ExecutionStatus workflow */
                workflow?: (string|null);

                /** ExecutionStatus state */
                state?: (string|null);

                /** ExecutionStatus createdAt */
                createdAt?: (string|null);

                /** ExecutionStatus updatedAt */
                updatedAt?: (string|null);

                /** ExecutionStatus error */
                error?: (flux.v1.ErrorInfo.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExecutionStatus. */
            type $Shape = flux.v1.ExecutionStatus.$Properties;
        }
    }
}
