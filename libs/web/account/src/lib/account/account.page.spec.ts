import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthStore } from '@mezzo/web-core';
import { AccountPage } from './account.page';

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;
  let auth: AuthStore;
  const stable = () => fixture.whenStable();

  const deleteWith = async (password: string, tick: boolean) => {
    const input = el.querySelector<HTMLInputElement>('input[type="password"]')!;
    input.value = password;
    input.dispatchEvent(new Event('input'));
    if (tick)
      el.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await stable();
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await stable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AccountPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    auth.setSession({
      accessToken: 't',
      user: {
        id: 'u1',
        email: 'robin@example.com',
        name: 'Robin Okafor',
      },
    } as Parameters<AuthStore['setSession']>[0]);
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(AccountPage);
    el = fixture.nativeElement;
    await stable();
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('says who is signed in', () => {
    expect(el.textContent).toContain('Robin Okafor');
    expect(el.textContent).toContain('robin@example.com');
  });

  it('asks for the password and the box before deleting anything', async () => {
    await deleteWith('', false);
    backend.expectNone({ method: 'DELETE', url: '/api/me' });
    expect(el.textContent).toContain('Enter your password to confirm.');
    expect(el.textContent).toContain('Tick the box to confirm.');
  });

  it('shows a wrong password under the field and keeps the account', async () => {
    await deleteWith('wrong password', true);
    backend.expectOne({ method: 'DELETE', url: '/api/me' }).flush(
      {
        statusCode: 401,
        code: 'invalid_credentials',
        message: 'The password is not correct',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await stable();
    expect(el.querySelector('mat-error')?.textContent).toContain(
      'That password is not correct.',
    );
    expect(auth.isSignedIn()).toBe(true);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it("shows the server's reason when a 409 holds the deletion up, not a generic conflict", async () => {
    const reason =
      'You are the only owner of Garden State CE, which has 2 other members. Make one of them an owner of Garden State CE, or remove them, then delete your account again.';
    await deleteWith('the right passphrase', true);
    backend
      .expectOne({ method: 'DELETE', url: '/api/me' })
      .flush(
        { statusCode: 409, code: 'sole_owner', message: reason },
        { status: 409, statusText: 'Conflict' },
      );
    await stable();
    const alert = el.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain(`Your account was not deleted. ${reason}`);
    expect(alert).not.toContain('Someone else changed this');
    expect(auth.isSignedIn()).toBe(true);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('deletes the account, ends the session and goes to sign-in', async () => {
    await deleteWith('the right passphrase', true);
    const req = backend.expectOne({ method: 'DELETE', url: '/api/me' });
    expect(req.request.body).toEqual({ password: 'the right passphrase' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(auth.isSignedIn()).toBe(false);
    expect(navigateByUrl).toHaveBeenCalledWith('/sign-in');
  });
});
