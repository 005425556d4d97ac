// Start GOV.UK Frontend's components once the page has loaded (no inline scripts: see CSP).
import { initAll } from "../dist/govuk-frontend.min.js";
initAll();
