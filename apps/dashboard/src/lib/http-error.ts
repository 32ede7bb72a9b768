/**
 * The message of a failed API response: the status, and the server's own `message` when the body is a
 * NestJS error (`{ statusCode, message, error }`), else the start of the body.
 */
export function describeHttpError(path: string, status: number, statusText: string, body: string): string {
  const head = `${path} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const detail = messageOf(body);
  return detail ? `${head}: ${detail}` : head;
}

function messageOf(body: string): string {
  const text = body.trim();
  if (!text) return '';
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
    if (Array.isArray(parsed.message)) return parsed.message.filter((m) => typeof m === 'string').join('; ');
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
