/**
 * The app under Probot, receiving deliveries, against a FakeGitHub.
 */
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/index.js";
import { FakeGitHub } from "./fake-github.js";
import type { Delivery } from "./webhooks.js";

/** A Probot running the app, and what it waited for. */
export interface Harness {
  github: FakeGitHub;
  probot: Probot;
  /** Waits the app asked for, in milliseconds: none of them take time. */
  sleeps: number[];
  /** Delivers a webhook, with a fresh delivery id unless one is given. */
  receive(delivery: Delivery, id?: string): Promise<void>;
}

let deliveries = 0;

/**
 * Starts Probot with the app (no retries, no throttling: the tests decide
 * what fails) and the fake answering for api.github.com.
 */
export async function startApp(github = new FakeGitHub()): Promise<Harness> {
  nock.cleanAll();
  nock.disableNetConnect();
  github.intercept();
  const sleeps: number[] = [];
  const probot = new Probot({
    githubToken: "test",
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  await probot.load(
    createApp({
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      maxWaitSeconds: 120,
    }),
  );
  return {
    github,
    probot,
    sleeps,
    receive: (delivery, id) =>
      probot.receive({
        id: id ?? `delivery-${(deliveries += 1)}`,
        name: delivery.name,
        payload: delivery.payload,
      } as Parameters<Probot["receive"]>[0]),
  };
}
