import { uploadData, getUrl } from 'aws-amplify/storage';

export async function saveAvatar(file: File) {
  // ruleid: amplify/storage
  await uploadData({ path: ({ identityId }) => `avatars/${identityId}/me.png`, data: file }).result;
  // ruleid: amplify/storage
  return getUrl({ path: 'public/logo.png' });
}

function remove(path: string) {
  return path;
}
// ok: amplify/storage
remove('local/file');

// Amplify UI's uploader writes straight to the Amplify Storage bucket.
import { StorageManager } from '@aws-amplify/ui-react-storage';

export function ImportCsv({ name }: { name: string }) {
  return (
    <div className="upload">
      {/* ruleid: amplify/storage */}
      <StorageManager acceptedFileTypes={['.csv']} path={`imports/${name}`} maxFileCount={1} />
    </div>
  );
}

// An uploader component of the app's own is not Amplify's.
function FileUploader(props: { path: string }) {
  return <input type="file" data-path={props.path} />;
}

export function OwnUpload() {
  // ok: amplify/storage
  return <FileUploader path="local" />;
}
