import {
  BadRequestException,
  HttpException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
} from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppError } from './app-error';
import { fieldErrors } from './validation';

function hostFor(res: {
  status: jest.Mock;
  json: jest.Mock;
  setHeader: jest.Mock;
  headersSent: boolean;
}): ArgumentsHost {
  return {
    switchToHttp: () => ({
      getResponse: () => res,
      getRequest: () => ({ id: 'req-1' }),
    }),
  } as unknown as ArgumentsHost;
}

function respond(exception: unknown) {
  const res = {
    status: jest.fn(),
    json: jest.fn(),
    setHeader: jest.fn(),
    headersSent: false,
  };
  res.status.mockReturnValue(res);
  new AllExceptionsFilter().catch(exception, hostFor(res));
  return {
    status: res.status.mock.calls[0][0],
    body: res.json.mock.calls[0][0],
    headers: res.setHeader.mock.calls,
  };
}

// The filter logs 500s; the tests below provoke them on purpose.
beforeAll(() => Logger.overrideLogger(false));

describe('fieldErrors', () => {
  it('flattens nested validation errors into dotted paths', () => {
    const errors: ValidationError[] = [
      {
        property: 'email',
        constraints: { isEmail: 'email must be an email' },
        children: [],
      },
      {
        property: 'credits',
        children: [
          {
            property: '0',
            children: [
              {
                property: 'hours',
                constraints: {
                  min: 'hours must be > 0',
                  isNumber: 'hours must be a number',
                },
                children: [],
              },
            ],
          },
        ],
      },
    ];
    expect(fieldErrors(errors)).toEqual({
      email: ['email must be an email'],
      'credits.0.hours': ['hours must be a number'],
    });
  });

  it('says only that a value has the wrong type, not what its length would have to be', () => {
    expect(
      fieldErrors([
        {
          property: 'token',
          constraints: {
            maxLength: 'token must be shorter than or equal to 200 characters',
            isString: 'token must be a string',
          },
          children: [],
        },
        {
          property: 'hours',
          constraints: { min: 'hours must not be less than 0' },
          children: [],
        },
      ]),
    ).toEqual({
      token: ['token must be a string'],
      hours: ['hours must not be less than 0'],
    });
  });

  it('says that a field left out is required, whatever rules it fails (when the value was recorded)', () => {
    expect(
      fieldErrors([
        {
          property: 'email',
          value: undefined,
          constraints: {
            maxLength: 'email must be shorter than or equal to 254 characters',
            isEmail: 'email must be a valid email address',
          },
          children: [],
        },
        {
          property: 'kind',
          value: 'club',
          constraints: { isIn: 'kind must be one of provider, association' },
          children: [],
        },
      ]),
    ).toEqual({
      email: ['email is required'],
      kind: ['kind must be one of provider, association'],
    });
    // A rule that says why the field is required keeps its words.
    expect(
      fieldErrors([
        {
          property: 'birthDate',
          value: undefined,
          constraints: {
            isDateString: 'birthDate must be a date YYYY-MM-DD',
            needed:
              'TX renews LCSW licenses by birth month: birthDate is required',
          },
          children: [],
        },
      ]),
    ).toEqual({
      birthDate: [
        'TX renews LCSW licenses by birth month: birthDate is required',
      ],
    });
  });

  it('says a number sent as text must be a number, not also its bounds', () => {
    const constraints = {
      twoDecimals: 'floor must be a number with at most 2 decimals, or null',
      min: 'floor must be at least 0',
      max: 'floor must be at most 100',
    };
    expect(
      fieldErrors([
        { property: 'floor', value: '15', constraints, children: [] },
      ]),
    ).toEqual({ floor: [constraints.twoDecimals] });
    // A number out of bounds with too many decimals hears both.
    expect(
      fieldErrors([
        {
          property: 'floor',
          value: 150.555,
          constraints,
          children: [],
        },
      ]),
    ).toEqual({ floor: Object.values(constraints) });
  });

  it('says a message once when two rules word it the same way', () => {
    const same = 'newPassword must be 12 to 128 characters';
    expect(
      fieldErrors([
        {
          property: 'newPassword',
          constraints: { minLength: same, maxLength: same },
          children: [],
        },
      ]),
    ).toEqual({ newPassword: [same] });
  });

  it('says only that a missing field is required, not what its value would have to be', () => {
    expect(
      fieldErrors([
        {
          property: 'title',
          constraints: {
            maxLength: 'title must be shorter than or equal to 300 characters',
            isNotEmpty: 'title is required',
            isString: 'title must be a string',
          },
          children: [],
        },
        {
          property: 'topics',
          constraints: {
            arrayMaxSize: 'topics must contain no more than 25 elements',
            isDefined: 'topics is required',
          },
          children: [],
        },
      ]),
    ).toEqual({ title: ['title is required'], topics: ['topics is required'] });
  });
});

describe('AllExceptionsFilter', () => {
  it('renders an AppError with its code, fields, headers and the request id', () => {
    const { status, body, headers } = respond(
      new AppError(429, 'rate_limited', 'slow down', undefined, {
        'Retry-After': '30',
      }),
    );
    expect(status).toBe(429);
    expect(body).toEqual({
      statusCode: 429,
      code: 'rate_limited',
      message: 'slow down',
      fields: undefined,
      requestId: 'req-1',
    });
    expect(headers).toEqual([
      ['Retry-After', '30'],
      ['Content-Type', 'application/json; charset=utf-8'],
    ]);
  });

  it('maps framework HTTP errors to stable codes', () => {
    expect(respond(new NotFoundException()).body).toMatchObject({
      statusCode: 404,
      code: 'not_found',
    });
    expect(respond(new BadRequestException('bad')).body).toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
    });
    expect(respond(new HttpException('gone wrong', 502)).body).toMatchObject({
      statusCode: 502,
      code: 'internal_error',
      message: 'Internal error',
    });
  });

  it('names the path when a path parameter cannot be decoded', () => {
    const { status, body } = respond(
      new BadRequestException("Failed to decode param '%E0%A4%A'"),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'validation_failed',
      fields: { path: [expect.stringContaining('malformed percent-encoding')] },
    });
  });

  it('answers unknown errors with a 500 that leaks nothing', () => {
    const { status, body } = respond(
      new TypeError('secret internals at /srv/app.js:12'),
    );
    expect(status).toBe(500);
    expect(body.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
