// The CLI's help text and the error that means "the command line itself is wrong" (exit code 2).

/** The help text, printed for --help and after every usage error. */
export const USAGE = `rubric — เกณฑ์การจัดระดับภารกิจ กรมการพัฒนาชุมชน / CDD mission rubrics

Usage:
  rubric list [--period <period>]
  rubric validate [files…]
  rubric grade <mission> --period <period> --data <file.csv|.xlsx|.xls|.json> [--sheet <name>] [--id-column <header|letter>] [--format json|table] [--engine compiled|reference] [--out results.xlsx|.csv|.json]
  rubric grade --all --period <period> --data <workbook.xlsx> [--out results.xlsx]
  rubric test [files…]
  rubric lint <mission|file.yaml> --period <period> [--format text|json]
  rubric lint --all --period <period> [--format text|json]
  rubric user add <username> --role viewer|editor|publisher [--name <name>] [--password-stdin] [--db <file>]
  rubric user passwd <username> [--password-stdin] [--db <file>]    (ends the user's sessions)
  rubric user role <username> --role viewer|editor|publisher [--db <file>]
  rubric user remove <username> [--db <file>]
  rubric user sessions <username> [--revoke] [--db <file>]
  rubric user list [--db <file>]
  rubric keys generate --out <dir>
  rubric token issue <province> [--db <file>]
  rubric export --out <dir> --url <https://…> [--db <file>] [--signing-key <file>]
      เว็บไซต์สาธารณะทั้งหมดเป็นไฟล์ สำหรับเว็บเซิร์ฟเวอร์ใดก็ได้ (เกณฑ์ ไฟล์ Word แบบฟอร์ม หน้าตรวจระดับ rubric.mjs และไฟล์ที่ลงนาม) / the whole public site as files for any web server (criteria, Word files, templates, grading page, rubric.mjs, signed files); --url: where it will be served
  rubric pull --server <https://…> --period <period> --out <dir> --public-key <file> [--token <token>] [--allow-http]
  rubric grade <mission> --period <period> --bundle <dir> --data <file>
  rubric cases <mission> --period <period> [--format csv|json]
  rubric diff <mission> --from <period|file.yaml> --to <period|file.yaml> [--format text|json]
  rubric impact <mission> --from <period|file.yaml> --to <period|file.yaml> --data <file> [--format text|json]
  rubric template <mission> --period <period> --out <file.xlsx>
  rubric template --all --period <period> --out <file.xlsx>
  rubric document --period <period> [--mission <mission>] --out <file.docx> [--lang th|en] [--digits thai|arabic]
      เกณฑ์เป็นไฟล์ Word สำหรับแนบหนังสือ (ทุกภารกิจที่เผยแพร่แล้วของไตรมาส หรือภารกิจเดียว) / the criteria as a Word file to attach to a letter (every published mission of the period, or one)

user, token, export: เฉพาะเครื่องของกรม / the department's installation only (not in rubric.mjs, the provinces' file)

Options:
  --rubrics <dir>   the rubric store (default: the repository's rubrics/; for rubric.mjs, rubrics/ in the working folder)
  -h, --help        this help

Exit codes: 0 ran; 1 a rubric or data file cannot be used, or a check failed; 2 usage error.`;

/** A usage error: the command line itself is wrong. main() prints it with the help and exits 2. */
export class UsageError extends Error {}
