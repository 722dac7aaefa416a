import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage> & { rememberedLookups?: true };
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

/**
 * class-validator looks a class's constraints up again for every object it validates, walking every
 * class it knows (every DTO of the API) to find the ones it inherits from: a scan upload of 500
 * scans paid for that 500 times. The answer changes only when a decorator adds metadata, so it is
 * remembered per class and options until one does.
 */
export function rememberValidationMetadata(): void {
  const storage = getMetadataStorage() as Storage;
  if (storage.rememberedLookups) return;
  storage.rememberedLookups = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let remembered = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byOptions = remembered.get(target);
    if (!byOptions) remembered.set(target, (byOptions = new Map()));
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage.addValidationMetadata = (metadata) => {
    remembered = new Map();
    add(metadata);
  };
}
