/**
 * GitHub's own REST API description (`@octokit/openapi`): which operation a
 * request is, whether its body and the emulator's answer match the schemas,
 * and GitHub's examples to build answers from.
 */
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;

/** One operation of the API description. */
export interface Operation {
  method: string;
  template: string;
  operation: Json;
}

/** Checks requests and responses against GitHub's API description. */
export interface OpenApi {
  /** The operation a method and path are, or null when GitHub has none. */
  find(method: string, path: string): Operation | null;
  /** What is wrong with a request body, per the operation's schema. */
  checkRequest(operation: Operation, body: unknown): string[];
  /** What is wrong with a request's query parameters: unknown ones, and values out of their schema. */
  checkQuery(operation: Operation, query: URLSearchParams): string[];
  /** What is wrong with a response, per the operation's schema for its status. */
  checkResponse(operation: Operation, status: number, body: unknown): string[];
  /** A copy of GitHub's example answer of an operation. */
  example(operation: Operation, status: number): unknown;
}

let loaded: OpenApi | null = null;

/**
 * Loads the description of api.github.com once per process (13 MB, about a
 * second) and compiles schemas as they are first needed.
 */
export function openApi(): OpenApi {
  loaded ??= load();
  return loaded;
}

function load(): OpenApi {
  const spec = normalize(
    structuredClone(require("@octokit/openapi/generated/api.github.com.json")),
  ) as Json & { paths: Record<string, Record<string, Json>>; components: Json };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(spec, "github");
  const operations: Array<Operation & { pattern: RegExp; params: number }> = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!["get", "post", "patch", "put", "delete"].includes(method)) continue;
      const params = (template.match(/\{/g) ?? []).length;
      const pattern = new RegExp(
        "^" +
          template
            .split(/\{[^}]+\}/)
            .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
            .join("[^/]+") +
          "$",
      );
      operations.push({ method: method.toUpperCase(), template, operation, pattern, params });
    }
  }
  // Literal segments win over parameters: /issues/comments/1 is not issue "comments".
  operations.sort((a, b) => a.params - b.params);
  const validators = new Map<string, ValidateFunction>();
  const validator = (pointer: string): ValidateFunction => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `github#${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };
  const pointerOf = (operation: Operation, ...rest: string[]) =>
    ["", "paths", operation.template, operation.method.toLowerCase(), ...rest]
      .map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1"))
      .join("/");
  const check = (pointer: string, body: unknown): string[] => {
    const validate = validator(pointer);
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || "(body)"} ${error.message}`);
  };
  const resolve = (value: unknown): unknown => {
    const ref = (value as { $ref?: string } | undefined)?.$ref;
    if (!ref) return value;
    return ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (node, part) => (node as Json)[part.replace(/~1/g, "/").replace(/~0/g, "~")],
        spec,
      );
  };
  return {
    find(method, path) {
      const upper = method.toUpperCase();
      const found = operations.find((o) => o.method === upper && o.pattern.test(path));
      return found
        ? { method: found.method, template: found.template, operation: found.operation }
        : null;
    },
    checkRequest(operation, body) {
      const requestBody = resolve(operation.operation.requestBody) as Json | undefined;
      if (!requestBody) return [];
      if (body === undefined)
        return requestBody.required ? ["the operation requires a body, and none came"] : [];
      const content = (requestBody.content as Json | undefined)?.["application/json"];
      if (!content) return [];
      return check(
        pointerOf(operation, "requestBody", "content", "application/json", "schema"),
        body,
      );
    },
    checkQuery(operation, query) {
      const parameters = ((operation.operation.parameters as unknown[]) ?? [])
        .map((parameter) => resolve(parameter) as Json)
        .filter((parameter) => parameter.in === "query");
      const problems: string[] = [];
      for (const [name, raw] of query) {
        const parameter = parameters.find((p) => p.name === name);
        if (!parameter) {
          problems.push(`query parameter "${name}" is not the operation's`);
          continue;
        }
        const schema = (parameter.schema ?? {}) as Json;
        const value = schema.type === "integer" || schema.type === "number" ? Number(raw) : raw;
        const validate = ajv.compile(schema);
        if (!validate(value))
          problems.push(`query parameter "${name}" ${ajv.errorsText(validate.errors)}`);
      }
      return problems;
    },
    checkResponse(operation, status, body) {
      const responses = operation.operation.responses as Json;
      if (!(String(status) in responses)) return [`status ${status} is not a documented answer`];
      const response = resolve(responses[String(status)]) as Json;
      if (!(response.content as Json | undefined)?.["application/json"]) return [];
      const inline = (responses[String(status)] as Json).$ref === undefined;
      // Answers shared by many operations live in components; check against them there.
      const pointer = inline
        ? pointerOf(operation, "responses", String(status), "content", "application/json", "schema")
        : `${((responses[String(status)] as Json).$ref as string).slice(1)}/content/application~1json/schema`;
      return check(pointer, body);
    },
    example(operation, status) {
      const response = resolve((operation.operation.responses as Json)[String(status)]) as Json;
      const examples = ((response.content as Json)["application/json"] as Json).examples as Json;
      const first = resolve(Object.values(examples)[0]) as Json;
      return structuredClone(first.value);
    },
  };
}

// OpenAPI 3.0 marks nullable schemas with `nullable: true`; JSON Schema,
// which Ajv checks, says the same with a type of null.
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) {
    node.forEach(normalize);
    return node;
  }
  if (typeof node !== "object" || node === null) return node;
  const object = node as Json;
  for (const value of Object.values(object)) normalize(value);
  if (object.nullable === true) {
    delete object.nullable;
    const rest = { ...object };
    for (const key of Object.keys(object)) delete object[key];
    object.anyOf = [rest, { type: "null" }];
  }
  return object;
}
