/** The inline body style of every Mezzo email (mail clients drop <style> blocks). */
export const EMAIL_BODY_STYLE =
  'font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2937;';
