import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../api/client';

/** An uploaded file as `POST /api/v1/files` returns it. */
export interface FileMetadata {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  agencyId: string;
  uploadedBy: string | null;
  createdAt: string;
}

export const fileKeys = {
  all: ['files'] as const,
  metadata: (id: string) => [...fileKeys.all, 'metadata', id] as const,
};

/** Where the browser downloads a file's content (the session cookie authorises it). */
export const fileContentUrl = (id: string) => apiUrl(`/files/${encodeURIComponent(id)}/content`);

/** Uploads one file for an agency; the server sniffs its type and checks its size. */
export function uploadFile(file: File, agencyId: string): Promise<FileMetadata> {
  const form = new FormData();
  form.append('agencyId', agencyId);
  form.append('file', file, file.name);
  return api<FileMetadata>('/files', { method: 'POST', body: form });
}

export function useUploadFile() {
  return useMutation({
    mutationFn: ({ file, agencyId }: { file: File; agencyId: string }) =>
      uploadFile(file, agencyId),
  });
}

/** Metadata of a file known only by id (a timeline attachment), for its name and size. */
export function useFileMetadata(id: string) {
  return useQuery({
    queryKey: fileKeys.metadata(id),
    queryFn: () => api<FileMetadata>(`/files/${encodeURIComponent(id)}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
