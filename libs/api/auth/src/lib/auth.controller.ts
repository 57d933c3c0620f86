import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import {
  Authenticated,
  CurrentUser,
  Public,
  RequirePermission,
  type RequestUser,
} from '@mezzo/api-core';
import { OrganizationsRepository } from '@mezzo/api-data-access';
import {
  PERMISSIONS,
  REFRESH_COOKIE,
  type SessionResponse,
  type UserDto,
} from '@mezzo/shared-contracts';
import type { Request, Response } from 'express';
import { AuthService } from './auth.service';
import {
  ChangePasswordDto,
  CheckResetTokenDto,
  ForgotPasswordDto,
  RegisterDto,
  ResetPasswordDto,
  SignInDto,
} from './dto/auth.dto';
import { SessionsService, type IssuedSession } from './sessions.service';
import { toSessionResponse, toUserDto } from './user.mapper';

const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly organizations: OrganizationsRepository,
  ) {}

  @Public()
  @Post('auth/register')
  @HttpCode(201)
  async register(
    @Body() body: RegisterDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    return this.respond(await this.auth.register(body), res);
  }

  @Public()
  @Post('auth/sign-in')
  @HttpCode(200)
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    return this.respond(await this.auth.signIn(body, req.ip ?? 'unknown'), res);
  }

  @Public()
  @ApiCookieAuth(REFRESH_COOKIE)
  @Post('auth/refresh')
  @HttpCode(200)
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    try {
      return await this.respond(
        await this.sessions.refresh(readCookie(req)),
        res,
      );
    } catch (e) {
      this.clearCookie(res);
      throw e;
    }
  }

  @Public()
  @Post('auth/sign-out')
  @HttpCode(204)
  async signOut(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.sessions.end(readCookie(req));
    this.clearCookie(res);
  }

  /**
   * Ends every session of the caller, this one included (a lost phone, a shared computer). Access
   * tokens already handed out stay valid until they expire (minutes); no refresh works any more.
   */
  @ApiBearerAuth()
  @RequirePermission(PERMISSIONS.accountWrite)
  @Post('auth/sign-out-everywhere')
  @HttpCode(204)
  async signOutEverywhere(
    @CurrentUser() user: RequestUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.sessions.endAll(user.id);
    this.clearCookie(res);
  }

  @ApiBearerAuth()
  @RequirePermission(PERMISSIONS.accountWrite)
  @Post('auth/password/change')
  @HttpCode(204)
  async changePassword(
    @CurrentUser() user: RequestUser,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    this.setCookie(
      res,
      await this.auth.changePassword(
        user.id,
        body.currentPassword,
        body.newPassword,
      ),
    );
  }

  @Public()
  @Post('auth/password/forgot')
  @HttpCode(202)
  async forgot(
    @Body() body: ForgotPasswordDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.auth.forgotPassword(body.email, req.ip ?? 'unknown');
  }

  /** Asked when the reset page opens, so a dead link is said before a password is typed. */
  @ApiOperation({
    summary: 'Whether a password-reset link still works (it is not used up)',
    description:
      '204 while it works; 400 invalid_reset_token when unknown, used or expired. Dead links count ' +
      'against the IP address: 429 rate_limited past the limit, as for the reset itself.',
  })
  @Public()
  @Post('auth/password/reset/check')
  @HttpCode(204)
  async checkReset(
    @Body() body: CheckResetTokenDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.auth.checkResetToken(body.token, req.ip ?? 'unknown');
  }

  @ApiOperation({
    summary: 'Set a new password with an emailed reset link',
    description:
      '204, and every session ends; 400 invalid_reset_token when the link is unknown, used or ' +
      'expired. Dead links count against the IP address: 429 rate_limited past the limit.',
  })
  @Public()
  @Post('auth/password/reset')
  @HttpCode(204)
  async reset(
    @Body() body: ResetPasswordDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.auth.resetPassword(
      body.token,
      body.newPassword,
      req.ip ?? 'unknown',
    );
  }

  @ApiBearerAuth()
  @Authenticated()
  @Get('me')
  async me(@CurrentUser() current: RequestUser): Promise<UserDto> {
    const user = await this.auth.requireUser(current.id);
    return toUserDto(user, await this.organizations.membershipsOf(user.id));
  }

  private async respond(
    session: IssuedSession,
    res: Response,
  ): Promise<SessionResponse> {
    this.setCookie(res, session);
    return toSessionResponse(
      session,
      await this.organizations.membershipsOf(session.user.id),
    );
  }

  private setCookie(res: Response, session: IssuedSession): void {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.secureCookies,
      path: COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
  }

  private clearCookie(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.secureCookies,
      path: COOKIE_PATH,
    });
  }
}

function readCookie(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[
    REFRESH_COOKIE
  ];
  return typeof value === 'string' && value.length > 0 && value.length < 200
    ? value
    : undefined;
}
