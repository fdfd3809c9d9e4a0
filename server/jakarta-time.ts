// Jakarta calendar dates live in shared/: the phone's "today" is the server's.
export { jakartaDate, jakartaDayEnd, jakartaDayStart } from "../shared/jakarta-time";
