/** The OpenAPI description of the demo API of Dinas Kesehatan (immunisation records). */
export const IMMUNIZATION_OPENAPI = {
  openapi: '3.0.3',
  info: {
    title: 'Layanan Data Imunisasi',
    version: '1.0.0',
    description: 'Status imunisasi dasar anak menurut NIK, untuk layanan lintas Perangkat Daerah.',
  },
  paths: {
    '/immunizations/{nik}': {
      get: {
        operationId: 'getImmunizationStatus',
        summary: 'Status imunisasi anak menurut NIK',
        parameters: [
          {
            name: 'nik',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[0-9]{16}$' },
          },
        ],
        responses: {
          '200': {
            description: 'Status imunisasi',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    nik: { type: 'string' },
                    complete: { type: 'boolean' },
                    vaccines: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          '404': { description: 'NIK tidak terdaftar' },
        },
      },
    },
    '/immunizations': {
      post: {
        operationId: 'recordImmunization',
        summary: 'Catat pemberian imunisasi',
        'x-simpul-scope': 'imunisasi:tulis',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        responses: { '201': { description: 'Tercatat' } },
      },
    },
  },
} as const;
