/** The git commit of the working directory, for manifest.json. */
import { execFileSync } from "node:child_process";

/** The commit checked out in the current directory, or null outside a git checkout. */
export function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
  } catch {
    return null;
  }
}
