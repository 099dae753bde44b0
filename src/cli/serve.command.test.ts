import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningCli, runCli, STACK_TRACE, startCli } from "../../test/support/cli.ts";

// A real `waymark serve` on the embedded database, in its own process: the one thing that may
// hold a data folder. Other commands must keep out while it does, and stopping it must let the
// requests it has started finish.

describe("waymark serve on the embedded database", () => {
  let tmp: string;
  let dataDir: string;
  let server: RunningCli;
  let url: URL;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-serve-"));
    dataDir = path.join(tmp, "data");
    server = startCli(["serve"], {
      WAYMARK_DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    });
    const [, address] = await server.waitFor(/Waymark is ready at (http:\/\/[^\s"]+)/);
    url = new URL(address!);
  }, 180_000);

  afterAll(async () => {
    if (server.child.exitCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("keeps every other command out of its data folder, saying which process holds it", async () => {
    const notABackup = path.join(tmp, "not-a-backup.tar.gz");
    fs.writeFileSync(notABackup, "");
    const env = { WAYMARK_DATA_DIR: dataDir };
    const results = await Promise.all([
      runCli(["migrate"], env),
      runCli(["demo"], env),
      runCli(["export", "leadership"], env),
      runCli(["backup", path.join(tmp, "backup.tar.gz")], env),
      runCli(["restore", notABackup], env),
      runCli(
        [
          "import",
          path.join(import.meta.dirname, "../../test/fixtures/import/cli"),
          "--as",
          "editor@waymark.test",
        ],
        env,
      ),
    ]);
    for (const result of results) {
      expect(result.stderr).toContain(`is in use by another Waymark process (pid ${server.child.pid})`);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(result.code).toBe(1);
    }
    // Nothing was deleted or written: the server's database and lock are as they were.
    expect(fs.readFileSync(path.join(dataDir, "waymark.lock"), "utf8")).toBe(String(server.child.pid));
    expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(fs.existsSync(path.join(tmp, "backup.tar.gz"))).toBe(false);
  }, 60_000);

  it("finishes a request in flight when sent SIGTERM, then exits cleanly and lets go of the data folder", async () => {
    const socket = net.connect(Number(url.port), url.hostname);
    await once(socket, "connect");
    let received = "";
    const receivedIncludes = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (received.includes(text)) {
            socket.off("data", check);
            resolve();
          }
        };
        socket.on("data", check);
        check();
      });
    socket.setEncoding("utf8").on("data", (chunk: string) => {
      received += chunk;
    });

    // The server answers "100 Continue" once it has the request's headers: from then on the
    // request is in flight, waiting for its body.
    const body = "email=someone%40example.org&_csrf=not-the-token";
    socket.write(
      "POST /sign-in HTTP/1.1\r\n" +
        `Host: ${url.host}\r\n` +
        "Content-Type: application/x-www-form-urlencoded\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        "Expect: 100-continue\r\n" +
        "Connection: close\r\n\r\n",
    );
    await receivedIncludes("100 Continue");

    server.child.kill("SIGTERM");
    await server.waitFor(/SIGTERM: finishing requests in flight/);
    socket.write(body);
    await once(socket, "close");

    // 403: the server read the body sent after SIGTERM and checked the form's token.
    expect(received).toMatch(/HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 403 /);
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "waymark.lock"))).toBe(false);
  }, 60_000);
});
