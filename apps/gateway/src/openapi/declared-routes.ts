import { RequestMethod, type INestApplicationContext, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PUBLIC } from '../auth/authorize.decorator';

/** One route a controller declares, as Nest registers it with Express. */
export interface DeclaredRoute {
  method: string;
  /** Express style, leading slash: `/v1/tickets/:number`. */
  path: string;
  /** OpenAPI style: `/v1/tickets/{number}`. */
  openApiPath: string;
  /** Needs no credential (`@Public()`). */
  isPublic: boolean;
  controller: Type;
  handlerName: string;
}

/** Every route of every controller in the app, read from Nest's metadata (works before init, and in preview mode). */
export function declaredRoutes(app: INestApplicationContext): DeclaredRoute[] {
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | undefined;
      if (!controller) continue;
      for (const handlerName of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[handlerName] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const isPublic = Boolean(Reflect.getMetadata(PUBLIC, handler) ?? Reflect.getMetadata(PUBLIC, controller));
        for (const path of joinPaths(
          Reflect.getMetadata(PATH_METADATA, controller),
          Reflect.getMetadata(PATH_METADATA, handler),
        ))
          routes.push({
            method: RequestMethod[method],
            path,
            openApiPath: path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
            isPublic,
            controller,
            handlerName,
          });
      }
    }
  }
  return routes;
}

function joinPaths(prefixes: string | string[] | undefined, paths: string | string[] | undefined): string[] {
  const list = (value: string | string[] | undefined): string[] =>
    value === undefined ? [''] : Array.isArray(value) ? value : [value];
  return list(prefixes).flatMap((prefix) =>
    list(paths).map(
      (path) =>
        `/${[prefix, path]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`,
    ),
  );
}
