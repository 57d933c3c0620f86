import { Linter, Rule, RuleTester } from 'eslint';
import { parser } from 'typescript-eslint';
import requireRouteAccess from './require-route-access.cjs';
import plugin from '../../index.cjs';

// typescript-eslint re-exports @typescript-eslint/parser, whose own types need node16 resolution.
const tsParser = parser as Linter.Parser;

const rule = requireRouteAccess as unknown as Rule.RuleModule;

const ruleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    ecmaVersion: 2022,
    sourceType: 'module',
  },
});

const imports = `import { Controller, Get, Post, Put, Patch, Delete, All, Head, Options, Param, Body } from '@nestjs/common';
import { Public, RequirePermission, Authenticated } from '@mezzo/api-core';
`;

const missing = (route: string) => ({
  messageId: 'missingAccess',
  data: { route },
});

ruleTester.run('require-route-access', rule, {
  valid: [
    {
      name: 'every route declares its access on the method',
      code: `${imports}
@Controller('licenses')
export class LicensesController {
  @Public() @Get('public-info') info() {}
  @RequirePermission('licenses:read') @Get(':id') findOne(@Param('id') id: string) { return id; }
  @Authenticated() @Post() create(@Body() body: unknown) { return body; }
}`,
    },
    {
      name: 'access declared once on the class covers every route',
      code: `${imports}
@RequirePermission('orgs:manage')
@Controller('organizations')
export class OrganizationsController {
  @Get() list() {}
  @Put(':id') replace() {}
  @Patch(':id') update() {}
  @Delete(':id') remove() {}
}`,
    },
    {
      name: 'a public controller',
      code: `${imports}
@Public()
@Controller('health')
export class HealthController {
  @Get() check() {}
}`,
    },
    {
      name: 'methods without a route decorator need nothing',
      code: `${imports}
@Controller('reports')
export class ReportsController {
  constructor(private readonly service: unknown) {}
  private helper() {}
  static build() {}
  @Authenticated() @Get() list() { return this.helper(); }
}`,
    },
    {
      name: 'route decorators outside a controller are not routes',
      code: `${imports}
export class NotAController {
  @Get() list() {}
}`,
    },
    {
      name: 'namespaced decorators are recognised',
      code: `import * as common from '@nestjs/common';
import * as access from '@mezzo/api-core';
@common.Controller('x')
export class XController {
  @access.Public() @common.Get() get() {}
}`,
    },
    {
      name: 'a project that names its access decorators differently can say so',
      options: [{ accessDecorators: ['AllowAnonymous', 'Can'] }],
      code: `${imports}
@Controller('x')
export class XController {
  @AllowAnonymous() @Get('a') a() {}
  @Can('x:read') @Get('b') b() {}
}`,
    },
    {
      name: 'class expressions are checked too, and pass when covered',
      code: `${imports}
export const Ctl = @Controller('x') @Public() class {
  @Get() get() {}
};`,
    },
  ],
  invalid: [
    {
      name: 'a route with no access decorator, reported on the method name with the route as a reader sees it',
      code: `${imports}
@Controller('licenses')
export class LicensesController {
  @Get(':id') findOne() {}
}`,
      errors: [
        {
          message:
            'Route GET /licenses/:id (LicensesController.findOne) is neither @Public() nor permission-checked',
          line: 6,
          column: 15,
        },
      ],
    },
    {
      name: 'every HTTP verb decorator makes a route',
      code: `${imports}
@Controller()
export class EverythingController {
  @Get() a() {}
  @Post('b') b() {}
  @Put('/c/') c() {}
  @Patch('d') d() {}
  @Delete('e') e() {}
  @All('f') f() {}
  @Head('g') g() {}
  @Options('h') h() {}
}`,
      errors: [
        missing('GET / (EverythingController.a)'),
        missing('POST /b (EverythingController.b)'),
        missing('PUT /c (EverythingController.c)'),
        missing('PATCH /d (EverythingController.d)'),
        missing('DELETE /e (EverythingController.e)'),
        missing('ALL /f (EverythingController.f)'),
        missing('HEAD /g (EverythingController.g)'),
        missing('OPTIONS /h (EverythingController.h)'),
      ],
    },
    {
      name: 'only the undeclared route is reported',
      code: `${imports}
@Controller({ path: 'credits' })
export class CreditsController {
  @RequirePermission('credits:read') @Get() list() {}
  @Post() create() {}
}`,
      errors: [missing('POST /credits (CreditsController.create)')],
    },
    {
      name: 'an access decorator on another method does not count',
      code: `${imports}
@Controller('x')
export class XController {
  @Public() helper() {}
  @Get() get() {}
}`,
      errors: [missing('GET /x (XController.get)')],
    },
    {
      name: 'non-access class decorators do not cover the routes',
      code: `${imports}
@ApiTags('courses')
@Controller('courses')
export class CoursesController {
  @Get() list() {}
}`,
      errors: [missing('GET /courses (CoursesController.list)')],
    },
    {
      name: 'a path that is not a literal falls back to the handler name',
      code: `${imports}
const BASE = 'reports';
@Controller(BASE)
export class ReportsController {
  @Get('summary') summary() {}
  @Get(\`export\`) ['export']() {}
}`,
      errors: [
        missing('ReportsController.summary'),
        missing("ReportsController.'export'"),
      ],
    },
    {
      name: 'the default access decorators stop counting when the option replaces them',
      options: [{ accessDecorators: ['Can'] }],
      code: `${imports}
@Controller('x')
export class XController {
  @Public() @Get() get() {}
}`,
      errors: [missing('GET /x (XController.get)')],
    },
    {
      name: 'an anonymous controller class',
      code: `${imports}
export const Ctl = @Controller('anon') class {
  @Post() create() {}
};`,
      errors: [missing('POST /anon ((anonymous controller).create)')],
    },
  ],
});

describe('the mezzo plugin', () => {
  it('exposes the rule under the name the root config uses', () => {
    expect(plugin.meta.name).toBe('mezzo');
    expect(plugin.rules['require-route-access']).toBe(requireRouteAccess);
  });

  it('reports through a flat config the way the root eslint.config.mjs wires it', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      `${imports}@Controller('x') export class XController { @Get() get() {} }`,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: {
            mezzo: plugin as unknown as NonNullable<
              Linter.Config['plugins']
            >[string],
          },
          rules: { 'mezzo/require-route-access': 'error' },
        },
      ],
      'x.controller.ts',
    );

    expect(
      messages.map((message) => [message.ruleId, message.message]),
    ).toEqual([
      [
        'mezzo/require-route-access',
        'Route GET /x (XController.get) is neither @Public() nor permission-checked',
      ],
    ]);
  });
});
