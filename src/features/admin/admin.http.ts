import { NotFoundError } from "../../platform/errors.ts";
import { toId } from "./admin.service.ts";

// What the administration and token pages share, beyond src/platform/http-pages.ts: ids from the
// address.

export {
  bodyOf,
  type Fields,
  queryOf,
  sendPrivatePage,
  signInFirst,
  textField as text,
} from "../../platform/http-pages.ts";

/** An id from the address; a malformed one is "not found". */
export function idFrom(value: unknown, what = "page"): number {
  const id = toId(value);
  if (id === null) throw new NotFoundError(`We could not find that ${what}: the address is not right.`);
  return id;
}
