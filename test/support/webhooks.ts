/**
 * Webhook payloads for the app's tests: the emulator's, which GitHub's
 * schemas check.
 */
export * from "../../emulator/payloads.js";
