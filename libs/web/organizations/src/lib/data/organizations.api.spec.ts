import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { OrganizationsApi } from './organizations.api';

describe('OrganizationsApi', () => {
  let api: OrganizationsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(OrganizationsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('calls the routes of the organisations API', async () => {
    const calls: Promise<unknown>[] = [
      firstValueFrom(api.mine()),
      firstValueFrom(api.get('o/1')),
      firstValueFrom(api.create({ name: 'Chapter', kind: 'association' })),
      firstValueFrom(api.members('o1', 2, 25)),
      firstValueFrom(api.setRole('o1', 'u1', 'admin')),
      firstValueFrom(api.removeMember('o1', 'u1')),
      firstValueFrom(api.invitations('o1')),
      firstValueFrom(api.invite('o1', { email: 'a@b.org', role: 'member' })),
      firstValueFrom(api.withdraw('o1', 'i1')),
    ];
    const expectations: [string, string, unknown][] = [
      ['GET', '/api/organizations', null],
      // Ids are path segments: a slash in one cannot reach another route.
      ['GET', '/api/organizations/o%2F1', null],
      ['POST', '/api/organizations', { name: 'Chapter', kind: 'association' }],
      ['GET', '/api/organizations/o1/members?page=2&pageSize=25', null],
      ['PATCH', '/api/organizations/o1/members/u1', { role: 'admin' }],
      ['DELETE', '/api/organizations/o1/members/u1', null],
      ['GET', '/api/organizations/o1/invitations', null],
      [
        'POST',
        '/api/organizations/o1/invitations',
        { email: 'a@b.org', role: 'member' },
      ],
      ['DELETE', '/api/organizations/o1/invitations/i1', null],
    ];
    for (const [method, url, body] of expectations) {
      const req = backend.expectOne(
        (r) => r.method === method && r.urlWithParams === url,
      );
      expect(req.request.body).toEqual(body);
      req.flush(method === 'DELETE' ? null : {});
    }
    await Promise.all(calls);
  });
});
